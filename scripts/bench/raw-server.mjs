#!/usr/bin/env node
// The raw ceiling the benchmarks compare Torch Red with: one fastify process, hand-written SQL through
// mysql2 (pool of 20, no per-query stack capture, as the server) or better-sqlite3 (WAL, as the server), no ORM, no DI, no per-request
// user lookup. It answers the same routes with equivalent JSON on the same schema (the server migrates
// the database first):
//   POST /api/activities/:id/registrations  the registration transaction: lock the activity, existing?,
//                                            take a seat or queue, insert registration + notification +
//                                            WeChat outbox row, commit
//   GET  /api/activities?limit&cursor        published, newest first, with org name and queue counts (the
//                                            bench's activities are all PUBLIC, so no audience filter here;
//                                            Torch Red still works out the caller's audience)
//   GET  /api/activities/:id                 one activity with my registration (and waitlist position)
//   GET  /api/me/registrations?limit&cursor  my registrations with their activities
// Authentication: the server's HS256 bearer token, verified in process. Env: PORT, HOST, JWT_SECRET and
// DATABASE_URL (mysql://…) or SQLITE_PATH.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activityJson, DETAIL_SQL, HttpError, iso, LIST_SQL, MINE_SQL, openDatabase, registrationJson } from './raw-db.mjs';

const requireServer = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'package.json'));
const Fastify = requireServer('fastify');
// What the member may do next comes from the shared state machines, as on the server.
const { allowedRegistrationActions } = requireServer('@torch-red/shared');
const mine = (row, now) => ({
  ...registrationJson(row),
  ...allowedRegistrationActions(
    { status: row.r_status, attendance: row.r_attendance },
    { status: row.status, startAt: iso(row.startAt), endAt: iso(row.endAt), cancelDeadline: iso(row.cancelDeadline) },
    now,
  ),
});
const secret = process.env.JWT_SECRET ?? '';

// ── Auth ──────────────────────────────────────────────────────────────────────

function userIdOf(req) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return null;
  const [h, p, s] = m[1].split('.');
  if (!h || !p || !s) return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  if (payload.exp && payload.exp * 1000 < Date.now()) return null;
  const id = Number(payload.sub);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

const fail = (reply, statusCode, code, message) => reply.status(statusCode).send({ statusCode, code, message });

// ── Routes ────────────────────────────────────────────────────────────────────

const db = await openDatabase();
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
const limitOf = (q) => Math.min(100, Math.max(1, Number(q.limit ?? 20) || 20));
const cursorOf = (q) => (q.cursor && /^[1-9][0-9]{0,15}$/.test(q.cursor) ? Number(q.cursor) : null);

app.get('/api/health', async () => ({ status: 'ok' }));

app.post('/api/activities/:id/registrations', async (req, reply) => {
  const userId = userIdOf(req);
  if (!userId) return fail(reply, 401, 'UNAUTHENTICATED', '请先登录');
  try {
    const { created, registration } = await db.register(userId, Number(req.params.id), req.body?.answers);
    return reply.status(created ? 201 : 200).send(registration);
  } catch (err) {
    if (err instanceof HttpError) return fail(reply, err.statusCode, err.code, err.message);
    throw err;
  }
});

app.get('/api/activities', async (req, reply) => {
  if (!userIdOf(req)) return fail(reply, 401, 'UNAUTHENTICATED', '请先登录');
  const limit = limitOf(req.query);
  const cursor = cursorOf(req.query);
  const rows = await db.all(LIST_SQL(cursor !== null, db.sqlite), cursor !== null ? [cursor, limit + 1] : [limit + 1]);
  const page = rows.slice(0, limit);
  const now = new Date().toISOString();
  return { items: page.map((a) => activityJson(a, now)), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
});

app.get('/api/activities/:id', async (req, reply) => {
  const userId = userIdOf(req);
  if (!userId) return fail(reply, 401, 'UNAUTHENTICATED', '请先登录');
  const id = Number(req.params.id);
  const [row] = await db.all(DETAIL_SQL, [userId, userId, id]);
  const canManage = Boolean(row?.canManage);
  if (!row || (row.status === 'DRAFT' && !canManage)) return fail(reply, 404, 'NOT_FOUND', '内容不存在或无权查看');
  const now = new Date().toISOString();
  return { ...activityJson(row, now), myRegistration: row.r_id ? mine(row, now) : null, canManage };
});

app.get('/api/me/registrations', async (req, reply) => {
  const userId = userIdOf(req);
  if (!userId) return fail(reply, 401, 'UNAUTHENTICATED', '请先登录');
  const limit = limitOf(req.query);
  const cursor = cursorOf(req.query);
  const rows = await db.all(MINE_SQL(cursor !== null), cursor !== null ? [userId, cursor, limit + 1] : [userId, limit + 1]);
  const page = rows.slice(0, limit);
  const now = new Date().toISOString();
  return {
    items: page.map((row) => ({ registration: mine(row, now), activity: activityJson(row, now) })),
    nextCursor: rows.length > limit ? String(page[page.length - 1].r_id) : null,
  };
});

// The same accept queue as the server's (server/src/main.ts), so a burst of new connections meets both alike.
await app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? '127.0.0.1', backlog: 4096 });
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => app.close().then(() => process.exit(0)));
