// Shared parts of the benchmarks: flags, databases, server processes (Torch Red and the raw ceiling),
// the two load generators (a burst on fresh connections, keep-alive for a duration), percentiles and
// the CPU-profile reader. No dependencies beyond what the server already has.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server-node-flags.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const requireServer = createRequire(join(ROOT, 'server', 'package.json'));
export const MYSQL = process.env.BENCH_MYSQL_URL ?? process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const JWT_SECRET = 'bench-secret-0123456789abcdef';
const MAIN = join(ROOT, 'server', 'dist', 'main.js');
const RAW = join(ROOT, 'scripts', 'bench', 'raw-server.mjs');
const EXIT_ON_TERM = join(ROOT, 'scripts', 'bench', 'exit-on-term.cjs');

/** `--name value` and bare `--flag` (true). */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const [key, inline] = argv[i].slice(2).split('=');
    if (inline !== undefined) out[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

export function databasesOf(value, fallback) {
  const v = String(value ?? fallback);
  return v === 'both' ? ['mysql', 'sqlite'] : v.split(',').map((s) => s.trim()).filter(Boolean);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function pct(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

// ── Databases ─────────────────────────────────────────────────────────────────

/** A fresh MariaDB database or SQLite file, with the env the server needs for it. */
export async function createDatabase(db, dir, tag) {
  const env = {
    NODE_ENV: 'development',
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
    JWT_SECRET,
    DATA_KEY: 'cd'.repeat(32),
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    H5_DIR: join(dir, 'no-h5'),
    WECHAT_APPID: '',
    WECHAT_SECRET: '',
  };
  if (db === 'mysql') {
    const mysql = requireServer('mysql2/promise');
    const name = `tr_bench_${tag}_${process.pid}`;
    const c = await mysql.createConnection(`${MYSQL}/test`);
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    env.DATABASE_URL = `${MYSQL}/${name}`;
    env.SQLITE_PATH = '';
    return {
      env,
      async drop() {
        const d = await mysql.createConnection(`${MYSQL}/test`);
        await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await d.end();
      },
    };
  }
  env.DATABASE_URL = '';
  env.SQLITE_PATH = join(dir, 'bench.sqlite');
  return { env, async drop() {} };
}

/** One small SQL interface over both databases for seeding and checking: query(sql, params) → rows. */
export async function openSql(env) {
  if (env.DATABASE_URL) {
    const mysql = requireServer('mysql2/promise');
    const pool = mysql.createPool({ uri: env.DATABASE_URL, connectionLimit: 4, charset: 'utf8mb4', timezone: 'Z' });
    return {
      mysql: true,
      async query(sql, params = []) {
        const [rows] = await pool.query(sql, params);
        return rows;
      },
      close: () => pool.end(),
    };
  }
  const Database = requireServer('better-sqlite3');
  const db = new Database(env.SQLITE_PATH);
  db.pragma('busy_timeout = 10000');
  return {
    mysql: false,
    async query(sql, params = []) {
      const stmt = db.prepare(sql);
      const bound = params.map((p) => (p instanceof Date ? sqlTime(p) : typeof p === 'boolean' ? Number(p) : p));
      return stmt.reader ? stmt.all(...bound) : stmt.run(...bound);
    },
    async close() {
      db.close();
    },
  };
}

/** The UTC datetime literal both databases store (as the server's toSqlDateTime). */
export const sqlTime = (d) => d.toISOString().replace('T', ' ').replace('Z', '');

/** Multi-row INSERTs in chunks; rows are arrays in the order of `columns`. */
export async function insertRows(sql, table, columns, rows, chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const placeholders = part.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
    await sql.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${placeholders}`, part.flat());
  }
}

// ── Processes ─────────────────────────────────────────────────────────────────

/**
 * Starts `count` processes of the built server (kind 'server') or of the raw ceiling (kind 'raw').
 * With cpuProfDir the processes run under `node --cpu-prof`; stop() then waits for the profiles. `main`: another
 * build of the server to run (another checkout's server/dist/main.js, for A/B comparisons).
 */
export async function startProcesses(kind, env, count, { cpuProfDir, main } = {}) {
  const children = [];
  const bases = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    // Both sides run with the server's production Node flags (a V8 heap setting, not a framework one).
    const nodeArgs = [...SERVER_NODE_FLAGS];
    if (cpuProfDir) {
      mkdirSync(cpuProfDir, { recursive: true });
      // Nest's shutdown hooks end the process by re-raising the signal, which skips writing the profile;
      // this preload exits normally on SIGTERM first.
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, '--require', EXIT_ON_TERM);
    }
    const child = spawn(process.execPath, [...nodeArgs, kind === 'raw' ? RAW : (main ?? MAIN)], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    bases.push({ host: '127.0.0.1', port, url: `http://127.0.0.1:${port}` });
  }
  for (const [i, base] of bases.entries()) {
    for (let t = 0; ; t++) {
      if (children[i].exitCode !== null) throw new Error(`${kind} process on ${base.url} exited with ${children[i].exitCode}`);
      try {
        if ((await httpJson(base, 'GET', '/api/health')).status === 200) break;
      } catch {
        /* starting */
      }
      if (t > 400) throw new Error(`${kind} process on ${base.url} did not start`);
      await sleep(150);
    }
  }
  return {
    bases,
    pids: children.map((c) => c.pid),
    async stop() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              const timer = setTimeout(() => c.kill('SIGKILL'), 15000);
              c.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              c.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

// ── HTTP ──────────────────────────────────────────────────────────────────────

/** One request on a fresh connection (agent: false), JSON in and out. */
export function httpJson(base, method, path, { token, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      {
        host: base.host,
        port: base.port,
        method,
        path,
        agent: false,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, body: json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs fn over items with at most `limit` in flight. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Dev sign-in for many people (the server creates them), `concurrency` at a time, spread over the bases. */
export async function devLoginMany(bases, openids, concurrency = 16) {
  return mapLimit(openids, concurrency, async (openid, i) => {
    const r = await httpJson(bases[i % bases.length], 'POST', '/api/auth/dev-login', { body: { openid } });
    if (r.status !== 200) throw new Error(`dev-login ${openid}: ${r.status} ${JSON.stringify(r.body)}`);
    return { token: r.body.accessToken, userId: Number(jwtPayload(r.body.accessToken).sub) };
  });
}

export function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** A token as the server issues it (HS256, {sub, kind}); for people created directly in SQL. */
export function mintToken(userId, secret = JWT_SECRET) {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: String(userId), kind: 'user', iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/**
 * One request on a fresh socket with `Connection: close`: the request's bytes written once, the answer read
 * until the server closes. Does what `http.request` with `agent: false` does for a burst at a fraction of the
 * CPU, so the generator takes less of the machine it shares with the servers it measures.
 */
export function oneShot(base, method, path, { token, body } = {}) {
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const head = Buffer.from(
    `${method} ${path} HTTP/1.1\r\nHost: ${base.host}:${base.port}\r\nConnection: close\r\n` +
      (token ? `Authorization: Bearer ${token}\r\n` : '') +
      (payload ? `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n` : '') +
      '\r\n',
    'latin1',
  );
  return new Promise((resolve, reject) => {
    const chunks = [];
    const socket = connect(base.port, base.host, () => socket.write(payload ? Buffer.concat([head, payload]) : head));
    socket.setNoDelay(true);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no answer from ${base.url}${path}`));
      const header = raw.subarray(0, end).toString('latin1');
      let content = raw.subarray(end + 4);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(header)) content = unchunk(content);
      let json = null;
      try {
        json = content.length ? JSON.parse(content.toString('utf8')) : null;
      } catch {
        /* not JSON */
      }
      resolve({ status: Number(header.slice(9, 12)), body: json });
    });
  });
}

function unchunk(buf) {
  const parts = [];
  for (let at = 0; ; ) {
    const line = buf.indexOf('\r\n', at);
    if (line < 0) break;
    const size = parseInt(buf.subarray(at, line).toString('latin1'), 16);
    if (!size) break;
    parts.push(buf.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Everyone at once, each request on its own new connection, alternating over the bases (a round-robin
 * balancer without a proxy hop). Returns per-request results and latencies, the wall time, and the CPU
 * the servers (`pids`), the database (MariaDB's pid, when given) and this generator used meanwhile.
 */
export async function burst(bases, requests, concurrency = requests.length, { pids = [], dbPid = null } = {}) {
  const latencies = [];
  const cpu0 = { servers: cpuMsOf(pids), db: dbPid ? cpuMsOf([dbPid]) : 0, generator: process.cpuUsage() };
  const started = performance.now();
  const results = await mapLimit(requests, concurrency, async (r, i) => {
    const t0 = performance.now();
    let res;
    try {
      res = await oneShot(bases[i % bases.length], r.method, r.path, r);
    } catch (err) {
      res = { status: 0, body: { error: String(err.message ?? err) } };
    }
    latencies.push(performance.now() - t0);
    return res;
  });
  const wallMs = performance.now() - started;
  const g = process.cpuUsage(cpu0.generator);
  const cpu = { servers: cpuMsOf(pids) - cpu0.servers, db: dbPid ? cpuMsOf([dbPid]) - cpu0.db : null, generator: (g.user + g.system) / 1000 };
  latencies.sort((a, b) => a - b);
  return { results, latencies, wallMs, cpu };
}

/**
 * Keep-alive load: `connections` sockets, each sending the next request as soon as the previous
 * answer arrived, for `seconds` (after `warmup` seconds not counted). A minimal HTTP/1.1 client on raw
 * sockets, so the generator costs little next to the servers it measures (autocannon works the same way).
 */
/**
 * CPU time (user + system, ms) used so far by these processes, every thread counted (Linux /proc; 0 elsewhere).
 * Work per request is steadier than requests per second on a machine whose background load moves.
 */
export function cpuMsOf(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* not Linux, or gone */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The running MariaDB server's pid, to count its CPU beside the Node processes' (null when not found). */
export function mariadbPid() {
  try {
    return Number(execFileSync('pgrep', ['-o', '-x', 'mariadbd'], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}

export async function keepAliveLoad(base, { path, token, connections = 100, seconds = 10, warmup = 2, pids = [] }) {
  const head = Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: ${base.host}:${base.port}\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}Accept: application/json\r\nConnection: keep-alive\r\n\r\n`,
  );
  const latencies = [];
  const statuses = new Map();
  let measuring = false;
  let stopping = false;
  let completed = 0;
  let errors = 0;
  const one = () =>
    new Promise((resolveConn) => {
      let buf = Buffer.alloc(0);
      let t0 = 0;
      const socket = connect(base.port, base.host);
      socket.setNoDelay(true);
      const send = () => {
        if (stopping) {
          socket.end();
          return resolveConn();
        }
        t0 = performance.now();
        socket.write(head);
      };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const header = buf.subarray(0, end).toString('latin1');
          const status = Number(header.slice(9, 12));
          const m = /\r\ncontent-length:\s*(\d+)/i.exec(header);
          let total;
          if (m) total = end + 4 + Number(m[1]);
          else if (/\r\ntransfer-encoding:\s*chunked/i.test(header)) {
            const z = buf.indexOf('\r\n0\r\n\r\n', end);
            if (z < 0) return;
            total = z + 7;
          } else total = end + 4;
          if (buf.length < total) return;
          buf = buf.subarray(total);
          if (measuring) {
            latencies.push(performance.now() - t0);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            completed++;
          }
          send();
        }
      });
      socket.on('error', () => {
        errors++;
      });
      socket.on('close', () => {
        if (!stopping) {
          // The server closed the connection: open a new one (counted, should stay 0).
          errors++;
          one().then(resolveConn);
        } else resolveConn();
      });
    });
  const running = Array.from({ length: connections }, one);
  await sleep(warmup * 1000);
  measuring = true;
  const started = performance.now();
  const window0 = monotonicMicros();
  const cpu0 = cpuMsOf(pids);
  await sleep(seconds * 1000);
  measuring = false;
  const cpuMs = cpuMsOf(pids) - cpu0;
  const wallMs = performance.now() - started;
  const window1 = monotonicMicros();
  stopping = true;
  await Promise.all(running);
  latencies.sort((a, b) => a - b);
  return { latencies, completed, wallMs, cpuMs, statuses: Object.fromEntries(statuses), errors, window: [window0, window1] };
}

// ── CPU profiles ──────────────────────────────────────────────────────────────

/**
 * Self time per function (`functionName url:line`) over every .cpuprofile in dir, counting only samples
 * inside the load window (monotonic µs, the clock V8 stamps samples with) when one is given.
 */
export function profileTop(dir, { window, top = 15 } = {}) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const self = new Map();
  const packages = new Map();
  let totalUs = 0;
  let inWindow = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const counts = new Map();
    let t = p.startTime;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.timeDeltas[i];
      const dt = p.timeDeltas[i + 1] ?? 0;
      if (window && (t < window[0] || t > window[1])) continue;
      inWindow++;
      counts.set(p.samples[i], (counts.get(p.samples[i]) ?? 0) + Math.max(0, dt));
    }
    // Without a window (or none matched) fall back to hitCount × the mean sample interval.
    if (!window || counts.size === 0) {
      const interval = p.samples.length ? (p.endTime - p.startTime) / p.samples.length : 0;
      counts.clear();
      for (const n of p.nodes) if (n.hitCount) counts.set(n.id, n.hitCount * interval);
    }
    for (const [id, us] of counts) {
      const f = byId.get(id).callFrame;
      if (f.functionName === '(idle)') continue;
      const url = f.url ? f.url.replace(`file://${ROOT}/`, '').replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '') : '';
      const key = `${f.functionName || '(anonymous)'} ${url}${url ? `:${f.lineNumber + 1}` : ''}`.trim();
      self.set(key, (self.get(key) ?? 0) + us);
      const pkg = packageOf(f.url, f.functionName);
      packages.set(pkg, (packages.get(pkg) ?? 0) + us);
      totalUs += us;
    }
  }
  const rows = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ 'self ms': (us / 1000).toFixed(0), '%': ((100 * us) / (totalUs || 1)).toFixed(1), function: fn }));
  const byPackage = [...packages.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([pkg, us]) => ({ 'self ms': (us / 1000).toFixed(0), '%': ((100 * us) / (totalUs || 1)).toFixed(1), package: pkg }));
  return { rows, byPackage, files: files.length, busyMs: totalUs / 1000, windowed: Boolean(window && inWindow) };
}

/** Where a frame's code lives: an npm package, the server's own code, Node's internals, or the engine/native work. */
function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : `native: ${functionName || '(anonymous)'}`;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node (internals)';
  if (url.includes('/server/dist/')) return 'Torch Red (server/dist)';
  return url.replace(`file://${ROOT}/`, '');
}

export function printProfile(title, dir, window) {
  const { rows, byPackage, files, busyMs, windowed } = profileTop(dir, { window });
  console.log(`\nCPU profile — ${title}: top 15 self time (${files} process${files === 1 ? '' : 'es'}, ${busyMs.toFixed(0)} ms busy${windowed ? ' during the load' : ', whole run'})`);
  console.table(rows);
  console.log('  by package:');
  console.table(byPackage);
}
