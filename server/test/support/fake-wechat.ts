import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechatRequest {
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

/**
 * A local HTTP server that answers like WeChat's APIs (wechat.md), errors included.
 * jscode2session: code "ok-<openid>" succeeds; "err-<errcode>" answers that errcode; "http-500" fails at HTTP level;
 * "old-<openid>" answers the older style with errcode 0; anything else is 40029. Each code works once.
 * getuserphonenumber: code "phone-<number>" (or "phone-<number>-<tag>", another code for the same number) answers that number; "busy-<number>" is busy (-1) once, then answers;
 * "foreign-<number>" answers with another app's watermark; "err-<errcode>" answers that errcode (every time); anything else,
 * or a code used before, is 40029. An access token not issued (or expired) is 42001.
 */
export class FakeWechatServer {
  readonly requests: FakeWechatRequest[] = [];
  private server?: Server;
  private readonly usedCodes = new Set<string>();
  private tokenSeq = 0;
  private validTokens = new Set<string>();
  private busyOnce = new Set<string>();
  tokenCalls = 0;
  readonly sent: Array<{ touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }> = [];

  /** Makes every access token issued so far invalid (WeChat answers 42001 until a new one is fetched). */
  expireTokens(): void {
    this.validTokens.clear();
  }
  /**
   * subscribe/send answers after this many milliseconds. The message counts as delivered when it
   * arrives (as with WeChat), so a client that gives up waiting has still sent it.
   */
  sendDelayMs = 0;
  appId = 'wx-test-appid';
  secret = 'wx-test-secret';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams.entries());
    let body: unknown;
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    }
    this.requests.push({ path: url.pathname, query, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname === '/sns/jscode2session') {
      if (query.appid !== this.appId || query.secret !== this.secret) return send(200, { errcode: 40013, errmsg: 'invalid appid' });
      if (query.grant_type !== 'authorization_code') return send(200, { errcode: 40002, errmsg: 'invalid grant_type' });
      const code = query.js_code ?? '';
      if (!code) return send(200, { errcode: 41008, errmsg: 'missing code' });
      if (code === 'http-500') return send(500, { message: 'upstream failure' });
      if (this.usedCodes.has(code)) return send(200, { errcode: 40163, errmsg: 'code been used' });
      this.usedCodes.add(code);
      const error = /^err-(-?\d+)$/.exec(code);
      if (error) return send(200, { errcode: Number(error[1]), errmsg: 'fake error' });
      if (code.startsWith('ok-')) return send(200, { openid: code.slice(3), session_key: 'SECRET-SESSION-KEY' });
      if (code.startsWith('old-')) return send(200, { errcode: 0, errmsg: 'ok', openid: code.slice(4), session_key: 'SECRET-SESSION-KEY', unionid: 'u-1' });
      return send(200, { errcode: 40029, errmsg: 'invalid code' });
    }
    if (url.pathname === '/cgi-bin/token') {
      this.tokenCalls++;
      if (query.appid !== this.appId || query.secret !== this.secret) return send(200, { errcode: 40013, errmsg: 'invalid appid' });
      const token = `tok-${++this.tokenSeq}`;
      this.validTokens.add(token);
      return send(200, { access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!this.validTokens.has(query.access_token ?? '')) return send(200, { errcode: 42001, errmsg: 'access_token expired' });
      const message = body as { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> };
      if (message.touser.startsWith('refuse-')) return send(200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
      if (message.touser.startsWith('badid-')) return send(200, { errcode: 40003, errmsg: 'invalid openid' });
      if (message.touser.startsWith('busy-') && !this.busyOnce.has(message.touser)) {
        this.busyOnce.add(message.touser);
        return send(200, { errcode: -1, errmsg: 'system busy' });
      }
      this.sent.push(message);
      if (this.sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
      return send(200, { errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      if (!this.validTokens.has(query.access_token ?? '')) return send(200, { errcode: 42001, errmsg: 'access_token expired' });
      const code = String((body as { code?: string } | undefined)?.code ?? '');
      const busy = /^busy-\d+/.exec(code);
      if (busy && !this.busyOnce.has(code)) {
        this.busyOnce.add(code);
        return send(200, { errcode: -1, errmsg: 'system busy' });
      }
      const error = /^err-(-?\d+)$/.exec(code);
      if (error) return send(200, { errcode: Number(error[1]), errmsg: 'fake error' });
      if (this.usedCodes.has(code)) return send(200, { errcode: 40029, errmsg: 'invalid code' });
      this.usedCodes.add(code);
      const ok = /^(phone|busy|foreign)-(\d{11})(?:-\w+)?$/.exec(code);
      if (!ok) return send(200, { errcode: 40029, errmsg: 'invalid code' });
      const appid = ok[1] === 'foreign' ? 'wx-someone-else' : this.appId;
      return send(200, {
        errcode: 0,
        errmsg: 'ok',
        phone_info: { phoneNumber: ok[2], purePhoneNumber: ok[2], countryCode: '86', watermark: { timestamp: Math.floor(Date.now() / 1000), appid } },
      });
    }
    send(404, { errcode: 404, errmsg: 'not found' });
  }
}
