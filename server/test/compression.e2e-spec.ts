import type { ImageResponse } from '@torch-red/shared';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { activityBody, publishedActivity } from './factories/activity.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { createWorld } from './factories/world.factory';

type Auth = { Authorization: string };

interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  rawPayload: Buffer;
  body: string;
  json: () => unknown;
}

function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        const body = rawPayload.toString();
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, body, json: () => JSON.parse(body) });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** A stand-in H5 build as the miniapp's post-build step leaves it: each text file with .br and .gz siblings. */
function writeH5Build(dir: string): { html: string; js: string } {
  const html = '<!doctype html><html><head><script src="/js/app.1234abcd.js"></script></head><body><div id="app"></div></body></html>';
  const js = `console.log(${JSON.stringify('火炬红 '.repeat(400))});`;
  mkdirSync(join(dir, 'js'), { recursive: true });
  for (const [file, text] of [
    ['index.html', html],
    ['js/app.1234abcd.js', js],
  ]) {
    writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${file}.gz`), gzipSync(text));
  }
  return { html, js };
}

describe.each(DATABASES)('compression on %s', (db) => {
  let t: TestApp;
  let h5Dir: string;
  let h5: { html: string; js: string };
  let secretary: Auth;
  let ownOrg: string;
  let base: string;
  /** Raw bytes as they leave the server (supertest would decompress them). */
  const get = (url: string, headers: Record<string, string> = {}) => rawGet(`${base}${url}`, headers);

  beforeAll(async () => {
    h5Dir = mkdtempSync(join(tmpdir(), 'torch-red-h5-'));
    h5 = writeH5Build(h5Dir);
    t = await startTestApp(db, { H5_DIR: h5Dir });
    const server = t.app.getHttpAdapter().getInstance().server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const world = await createWorld(t);
    secretary = world.secretary.auth;
    ownOrg = world.branch.id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('serves the H5 files precompressed as the browser accepts, keeping their cache headers', async () => {
    const page = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(h5.html);

    const script = await get('/js/app.1234abcd.js', { 'accept-encoding': 'gzip' });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=604800');
    expect(Number(script.headers['content-length'])).toBe(script.rawPayload.length);
    expect(script.rawPayload.length).toBeLessThan(Buffer.byteLength(h5.js) / 4);
    expect(gunzipSync(script.rawPayload).toString()).toBe(h5.js);

    // A client that accepts nothing gets the plain file.
    const plain = await get('/js/app.1234abcd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(h5.js);
    expect(plain.headers['cache-control']).toBe('public, max-age=604800');

    // The siblings are not addresses of their own.
    expect((await get('/js/app.1234abcd.js.br')).statusCode).toBe(404);
    expect((await get('/index.html.gz')).statusCode).toBe(404);
  });

  it('compresses API JSON of 1 KB and more, and leaves small answers alone', async () => {
    const tree = await get('/api/orgs/tree', { ...secretary, 'accept-encoding': 'gzip, deflate, br' });
    expect(tree.statusCode).toBe(200);
    expect(tree.headers['content-encoding']).toBe('br');
    expect(tree.headers['cache-control']).toBe('no-store');
    expect(tree.headers.vary).toMatch(/accept-encoding/i);
    const json = brotliDecompressSync(tree.rawPayload).toString();
    expect(Buffer.byteLength(json)).toBeGreaterThanOrEqual(1024);
    expect(tree.rawPayload.length).toBeLessThan(Buffer.byteLength(json));
    expect(JSON.parse(json)).toEqual((await t.http().get('/api/orgs/tree').set(secretary).expect(200)).body);

    const gz = await get('/api/orgs/tree', { ...secretary, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(JSON.parse(json));

    const health = await get('/api/health', { 'accept-encoding': 'br' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toEqual({ status: 'ok', db: 'up' });

    // Error bodies keep their shape (compressed or not).
    const missing = await get('/api/no-such-thing', { 'accept-encoding': 'br' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('never compresses downloads: .xlsx exports and images keep their bytes and headers', async () => {
    const activity = await publishedActivity(t, secretary, activityBody(ownOrg, { title: '压缩测试' }));
    const xlsx = await get(`/api/activities/${activity.id}/export`, { ...secretary, 'accept-encoding': 'gzip, deflate, br' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['cache-control']).toBe('no-store');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const uploaded = (await t.http().post('/api/uploads/images').set(secretary).attach('file', png, 'a.png').expect(201)).body as ImageResponse;
    const image = await get(uploaded.url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toContain('immutable');
    expect(Number(image.headers['content-length'])).toBe(image.rawPayload.length);
    expect((await sharp(image.rawPayload).metadata()).width).toBe(600);
  });
});
