// The raw ceiling's database side (see raw-server.mjs): hand-written SQL through mysql2 or better-sqlite3,
// the registration transaction and the three reads, mapped to the same JSON as the server's. Used by the
// raw HTTP server and, in process without HTTP, by signup-burst's "raw, in process" row.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const requireServer = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'package.json'));

// ── Mapping (as the server's activity.mapper) ────────────────────────────────

const date = (v) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));
// The reads get DATETIME as SQL text from both drivers ('2026-12-01 01:00:00.000', UTC) and slice it into ISO
// text, as the server's hot reads do (no Date per value); anything else goes through a Date.
export const iso = (v) =>
  v === null || v === undefined ? null : typeof v === 'string' && v.length === 23 && v[10] === ' ' ? `${v.slice(0, 10)}T${v.slice(11)}Z` : date(v).toISOString();
const json = (v) => (typeof v === 'string' ? JSON.parse(v) : v);

/** ISO text of one shape orders as the times do. `now`: ISO text. */
function phaseOf(status, t, now) {
  if (status !== 'PUBLISHED') return null;
  if (now >= t.endAt) return 'ENDED';
  if (now >= t.startAt) return 'ONGOING';
  if (now < (t.signupStartAt ?? t.publishedAt ?? t.createdAt)) return 'NOT_OPEN';
  if (now > t.signupEndAt) return 'SIGNUP_CLOSED';
  return 'SIGNUP_OPEN';
}

/** `now`: ISO text, once per answer. */
export function activityJson(a, now) {
  const t = {
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    signupStartAt: iso(a.signupStartAt),
    signupEndAt: iso(a.signupEndAt),
    publishedAt: iso(a.publishedAt),
    createdAt: iso(a.createdAt),
  };
  return {
    id: String(a.id),
    orgId: String(a.orgId),
    orgName: a.orgName ?? '',
    title: a.title,
    type: a.type,
    description: a.description,
    coverUrl: a.coverUrl,
    location: a.location,
    onlineUrl: a.onlineUrl,
    startAt: t.startAt,
    endAt: t.endAt,
    signupStartAt: t.signupStartAt,
    signupEndAt: t.signupEndAt,
    capacity: a.capacity,
    waitlist: Boolean(a.waitlist),
    requiresApproval: Boolean(a.requiresApproval),
    cancelDeadline: iso(a.cancelDeadline),
    formFields: json(a.formFields),
    visibility: a.visibility,
    status: a.status,
    phase: phaseOf(a.status, t, now),
    publishedAt: t.publishedAt,
    cancelledAt: iso(a.cancelledAt),
    cancelReason: a.cancelReason,
    confirmedCount: a.confirmedCount,
    waitlistCount: Number(a.waitlistCount ?? 0),
    pendingCount: Number(a.pendingCount ?? 0),
    createdAt: t.createdAt,
    updatedAt: iso(a.updatedAt),
  };
}

/** Registration columns selected with an r_ prefix. */
export function registrationJson(r) {
  return {
    id: String(r.r_id),
    activityId: String(r.r_activityId),
    status: r.r_status,
    waitlistPosition: r.r_status === 'WAITLISTED' ? Number(r.r_position) : null,
    answers: json(r.r_answers),
    attendance: r.r_attendance,
    leaveReason: r.r_leaveReason,
    rejectReason: r.r_rejectReason,
    checkedInAt: iso(r.r_checkedInAt),
    createdAt: iso(r.r_createdAt),
    updatedAt: iso(r.r_updatedAt),
  };
}

const A_COLS = [
  'id', 'orgId', 'title', 'type', 'description', 'coverUrl', 'location', 'onlineUrl', 'startAt', 'endAt', 'signupStartAt', 'signupEndAt',
  'capacity', 'waitlist', 'requiresApproval', 'cancelDeadline', 'formFields', 'visibility', 'status', 'publishedAt', 'cancelledAt', 'cancelReason',
  'confirmedCount', 'createdAt', 'updatedAt',
].map((c) => `a.${c}`).join(', ');
const R_COLS = ['id', 'activityId', 'status', 'answers', 'attendance', 'leaveReason', 'rejectReason', 'checkedInAt', 'createdAt', 'updatedAt']
  .map((c) => `r.${c} AS r_${c}`)
  .join(', ');
const COUNTS = `(SELECT COUNT(*) FROM registrations c WHERE c.activityId = a.id AND c.status = 'WAITLISTED') AS waitlistCount,
  (SELECT COUNT(*) FROM registrations c WHERE c.activityId = a.id AND c.status = 'PENDING') AS pendingCount`;
const POSITION = `CASE WHEN r.status = 'WAITLISTED' THEN 1 + (SELECT COUNT(*) FROM registrations w WHERE w.activityId = r.activityId
  AND w.status = 'WAITLISTED' AND (w.queuedAt < r.queuedAt OR (w.queuedAt = r.queuedAt AND w.id < r.id))) END AS r_position`;

// MariaDB walks the primary key backwards and stops after the page. SQLite picks the (status, startAt) index
// and sorts every published row (as for the server's query, same schema): there the page is taken first,
// so names and counts are computed for its rows only.
export const LIST_SQL = (withCursor, sqlite = false) => sqlite
  ? `SELECT ${A_COLS}, o.name AS orgName, ${COUNTS}
  FROM (SELECT * FROM activities WHERE status = 'PUBLISHED'${withCursor ? ' AND id < ?' : ''} ORDER BY id DESC LIMIT ?) a
  LEFT JOIN orgs o ON o.id = a.orgId ORDER BY a.id DESC`
  : `SELECT ${A_COLS}, o.name AS orgName, ${COUNTS}
  FROM activities a LEFT JOIN orgs o ON o.id = a.orgId
  WHERE a.status = 'PUBLISHED'${withCursor ? ' AND a.id < ?' : ''} ORDER BY a.id DESC LIMIT ?`;
export const DETAIL_SQL = `SELECT ${A_COLS}, o.name AS orgName, ${COUNTS}, ${R_COLS}, ${POSITION},
  EXISTS(SELECT 1 FROM role_grants g WHERE g.userId = ? AND (g.role = 'ADMIN' OR (g.role IN ('SECRETARY', 'COMMITTEE') AND g.orgId = a.orgId))) AS canManage
  FROM activities a LEFT JOIN orgs o ON o.id = a.orgId LEFT JOIN registrations r ON r.activityId = a.id AND r.userId = ?
  WHERE a.id = ?`;
export const MINE_SQL = (withCursor) => `SELECT ${A_COLS}, o.name AS orgName, ${COUNTS}, ${R_COLS}, ${POSITION}
  FROM registrations r JOIN activities a ON a.id = r.activityId LEFT JOIN orgs o ON o.id = a.orgId
  WHERE r.userId = ?${withCursor ? ' AND r.id < ?' : ''} ORDER BY r.id DESC LIMIT ?`;

// ── Database access: all(sql, params) for reads, register(userId, activityId, answers) for the write ──

const ACTIVITY_LOCK_COLS = 'id, title, status, capacity, confirmedCount, waitlist, requiresApproval, startAt, signupStartAt, signupEndAt, publishedAt, createdAt, location, formFields';
const china = (d) => new Date(date(d).getTime() + 8 * 3600e3);
const pad = (n) => String(n).padStart(2, '0');
const chinaTime = (d) => { const c = china(d); return `${pad(c.getUTCMonth() + 1)}月${pad(c.getUTCDate())}日 ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`; };
const chinaDateTime = (d) => china(d).toISOString().slice(0, 16).replace('T', ' ');

export class HttpError extends Error {
  constructor(statusCode, code, message) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

/** The checks the server makes before the transaction, on the locked row. */
function decide(a, answers, now) {
  if (!a) throw new HttpError(404, 'NOT_FOUND', '内容不存在或无权查看');
  if (a.status !== 'PUBLISHED') throw new HttpError(409, 'ACTIVITY_NOT_PUBLISHED', '活动未发布');
  const opens = date(a.signupStartAt ?? a.publishedAt ?? a.createdAt).getTime();
  if (now.getTime() < opens) throw new HttpError(409, 'SIGNUP_NOT_OPEN', '报名尚未开始');
  if (now.getTime() > date(a.signupEndAt).getTime() || now.getTime() >= date(a.startAt).getTime()) throw new HttpError(409, 'SIGNUP_CLOSED', '报名已截止');
  for (const f of json(a.formFields)) {
    const v = answers?.[f.key];
    if (f.required && (v === undefined || v === null || v === '')) throw new HttpError(400, 'FORM_ANSWER_INVALID', `请填写${f.label}`);
  }
}

function notification(a, status, position) {
  const when = `${chinaTime(a.startAt)}，${a.location}`;
  const [kind, title, body] =
    status === 'CONFIRMED' ? ['REGISTRATION_CONFIRMED', '报名成功', `你已成功报名「${a.title}」：${when}。`]
      : status === 'WAITLISTED' ? ['REGISTRATION_WAITLISTED', '已进入候补', `「${a.title}」名额已满，你是候补第 ${position} 位，有人取消时会自动递补。`]
        : ['REGISTRATION_PENDING', '报名待审核', `你报名的「${a.title}」需要审核，结果会通知你。`];
  const link = `/pages/activity-detail/index?id=${a.id}`;
  const data = JSON.stringify({ thing1: a.title, time2: chinaDateTime(a.startAt), thing3: title, thing4: a.location });
  return { kind, title, body, link, page: link.slice(1), data };
}

function registrationRow(row, position) {
  return registrationJson({ ...Object.fromEntries(Object.entries(row).map(([k, v]) => [`r_${k}`, v])), r_position: position });
}

/** env: DATABASE_URL (mysql://…) or SQLITE_PATH. Returns { all(sql, params), register(userId, activityId, answers), close() }. */
export async function openDatabase(env = process.env) {
  if (env.DATABASE_URL) {
    const mysql = requireServer('mysql2/promise');
    const pool = mysql.createPool({ uri: env.DATABASE_URL, connectionLimit: 20, charset: 'utf8mb4', timezone: 'Z', trace: false });
    const all = async (sql, params) => (await pool.query({ sql, values: params, dateStrings: true }))[0];
    async function registerOnce(userId, activityId, answers) {
      const c = await pool.getConnection();
      try {
        await c.beginTransaction();
        const now = new Date();
        const [[a]] = await c.query(`SELECT ${ACTIVITY_LOCK_COLS} FROM activities WHERE id = ? FOR UPDATE`, [activityId]);
        decide(a, answers, now);
        const [[existing]] = await c.query(`SELECT * FROM registrations WHERE activityId = ? AND userId = ?`, [activityId, userId]);
        if (existing && existing.status !== 'CANCELLED') {
          await c.commit();
          return { created: false, registration: registrationRow(existing, null) };
        }
        let status;
        let position = null;
        if (a.requiresApproval) status = 'PENDING';
        else if (a.capacity === null || a.confirmedCount < a.capacity) {
          await c.query('UPDATE activities SET confirmedCount = confirmedCount + 1 WHERE id = ? AND (capacity IS NULL OR confirmedCount < capacity)', [activityId]);
          status = 'CONFIRMED';
        } else if (a.waitlist) {
          status = 'WAITLISTED';
          const [[{ n }]] = await c.query(`SELECT COUNT(*) AS n FROM registrations WHERE activityId = ? AND status = 'WAITLISTED'`, [activityId]);
          position = Number(n) + 1;
        } else throw new HttpError(409, 'ACTIVITY_FULL', '名额已满');
        const answersText = JSON.stringify(answers ?? {});
        let id;
        if (existing) {
          await c.query(`UPDATE registrations SET status = ?, answers = ?, queuedAt = ?, attendance = 'NONE', leaveReason = NULL, rejectReason = NULL, checkedInAt = NULL, reviewedBy = NULL, updatedAt = ? WHERE id = ?`, [status, answersText, now, now, existing.id]);
          id = existing.id;
        } else {
          const [r] = await c.query(`INSERT INTO registrations (activityId, userId, status, answers, queuedAt, attendance, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'NONE', ?, ?)`, [activityId, userId, status, answersText, now, now, now]);
          id = r.insertId;
        }
        const n = notification(a, status, position);
        const [ni] = await c.query('INSERT INTO notifications (userId, kind, title, body, link, createdAt) VALUES (?, ?, ?, ?, ?, ?)', [userId, n.kind, n.title, n.body, n.link, now]);
        await c.query(`INSERT INTO notification_outbox (notificationId, userId, templateKey, data, page, status, attempts, nextAttemptAt, createdAt, updatedAt) VALUES (?, ?, 'activity_result', ?, ?, 'PENDING', 0, ?, ?, ?)`, [ni.insertId, userId, n.data, n.page, now, now, now]);
        await c.commit();
        const row = { id, activityId, status, answers: answersText, attendance: 'NONE', leaveReason: null, rejectReason: null, checkedInAt: null, createdAt: existing?.createdAt ?? now, updatedAt: now };
        return { created: true, registration: registrationRow(row, position) };
      } catch (err) {
        await c.rollback().catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    }
    return {
      sqlite: false,
      all,
      async register(userId, activityId, answers) {
        for (let i = 0; ; i++) {
          try {
            return await registerOnce(userId, activityId, answers);
          } catch (err) {
            if (i >= 4 || (err.errno !== 1213 && err.errno !== 1205)) throw err;
            await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (i + 1)));
          }
        }
      },
      close: () => pool.end(),
    };
  }

  const Database = requireServer('better-sqlite3');
  const db = new Database(env.SQLITE_PATH);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const statements = new Map();
  const prepared = (sql) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql);
  const t = (d) => d.toISOString().replace('T', ' ').replace('Z', '');
  const registerTx = db.transaction((userId, activityId, answers) => {
    const now = new Date();
    const a = prepared(`SELECT ${ACTIVITY_LOCK_COLS} FROM activities WHERE id = ?`).get(activityId);
    decide(a, answers, now);
    const existing = prepared('SELECT * FROM registrations WHERE activityId = ? AND userId = ?').get(activityId, userId);
    if (existing && existing.status !== 'CANCELLED') return { created: false, registration: registrationRow(existing, null) };
    let status;
    let position = null;
    if (a.requiresApproval) status = 'PENDING';
    else if (a.capacity === null || a.confirmedCount < a.capacity) {
      prepared('UPDATE activities SET confirmedCount = confirmedCount + 1 WHERE id = ? AND (capacity IS NULL OR confirmedCount < capacity)').run(activityId);
      status = 'CONFIRMED';
    } else if (a.waitlist) {
      status = 'WAITLISTED';
      position = prepared(`SELECT COUNT(*) AS n FROM registrations WHERE activityId = ? AND status = 'WAITLISTED'`).get(activityId).n + 1;
    } else throw new HttpError(409, 'ACTIVITY_FULL', '名额已满');
    const answersText = JSON.stringify(answers ?? {});
    let id;
    if (existing) {
      prepared(`UPDATE registrations SET status = ?, answers = ?, queuedAt = ?, attendance = 'NONE', leaveReason = NULL, rejectReason = NULL, checkedInAt = NULL, reviewedBy = NULL, updatedAt = ? WHERE id = ?`).run(status, answersText, t(now), t(now), existing.id);
      id = existing.id;
    } else {
      id = Number(prepared(`INSERT INTO registrations (activityId, userId, status, answers, queuedAt, attendance, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 'NONE', ?, ?)`).run(activityId, userId, status, answersText, t(now), t(now), t(now)).lastInsertRowid);
    }
    const n = notification(a, status, position);
    const ni = prepared('INSERT INTO notifications (userId, kind, title, body, link, createdAt) VALUES (?, ?, ?, ?, ?, ?)').run(userId, n.kind, n.title, n.body, n.link, t(now));
    prepared(`INSERT INTO notification_outbox (notificationId, userId, templateKey, data, page, status, attempts, nextAttemptAt, createdAt, updatedAt) VALUES (?, ?, 'activity_result', ?, ?, 'PENDING', 0, ?, ?, ?)`).run(Number(ni.lastInsertRowid), userId, n.data, n.page, t(now), t(now), t(now));
    const row = { id, activityId, status, answers: answersText, attendance: 'NONE', leaveReason: null, rejectReason: null, checkedInAt: null, createdAt: existing?.createdAt ?? now, updatedAt: now };
    return { created: true, registration: registrationRow(row, position) };
  });
  return {
    sqlite: true,
    all: async (sql, params) => prepared(sql).all(...params),
    register: async (userId, activityId, answers) => registerTx.immediate(userId, activityId, answers),
    close: async () => db.close(),
  };
}
