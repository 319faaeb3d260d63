import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WechatAccessToken } from './wechat-access-token';

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page: string | null;
  data: Record<string, string>;
}

/**
 * retry: WeChat certainly did not take the message (busy, or no connection was made): try again later;
 * refused: the person has no subscription (43101) — recorded, not retried; failed: give up;
 * unknown: the request may have reached WeChat (timeout, dropped connection, unreadable answer). WeChat
 * does not deduplicate, so an unknown send must not be repeated.
 */
export type SendOutcome = { result: 'sent' } | { result: 'retry' | 'refused' | 'failed' | 'unknown'; reason: string };

type PostResult = { answer: { errcode?: number; errmsg?: string } } | { result: 'retry' | 'unknown'; reason: string };

/** Errors raised while connecting, before any byte of the request was sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function neverSent(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; errors?: Array<{ code?: string }> } } | null)?.cause;
  if (!cause) return false;
  if (cause.code && NOT_SENT_CODES.has(cause.code)) return true;
  return Boolean(cause.errors?.length && cause.errors.every((e) => e.code && NOT_SENT_CODES.has(e.code)));
}

/** What the outbox worker needs from WeChat's subscribe-message API. send() throws only before anything could reach WeChat. */
export abstract class SubscribeMessageSender {
  abstract send(message: SubscribeMessage): Promise<SendOutcome>;
}

/** WeChat's value limits per key kind (wechat.md): truncate, don't fail. */
export function fitValue(key: string, value: string): string {
  const kind = key.replace(/\d+$/, '');
  const max = kind === 'thing' ? 20 : kind === 'number' || kind === 'character_string' ? 32 : kind === 'phrase' ? 5 : 64;
  return [...value].slice(0, max).join('');
}

@Injectable()
export class HttpSubscribeMessageSender extends SubscribeMessageSender {
  private readonly logger = new Logger('WechatSubscribe');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: WechatAccessToken,
  ) {
    super();
  }

  async send(message: SubscribeMessage): Promise<SendOutcome> {
    if (!this.config.wechat.appId || !this.config.wechat.secret) return { result: 'refused', reason: 'WeChat is not configured' };
    let token = await this.tokens.get();
    if (!token) return { result: 'retry', reason: 'no access token' };
    let posted = await this.post(token, message);
    if ('answer' in posted && (posted.answer.errcode === 40001 || posted.answer.errcode === 42001)) {
      token = await this.tokens.get(token);
      if (!token) return { result: 'retry', reason: 'no access token' };
      posted = await this.post(token, message);
    }
    if (!('answer' in posted)) return posted;
    const answer = posted.answer;
    switch (answer.errcode ?? 0) {
      case 0:
        return { result: 'sent' };
      case 43101:
        return { result: 'refused', reason: 'no subscription (43101)' };
      case -1:
      case 45009:
        return { result: 'retry', reason: `busy (${answer.errcode})` };
      default:
        this.logger.warn(`subscribe/send failed with errcode ${answer.errcode}`);
        return { result: 'failed', reason: `errcode ${answer.errcode}: ${String(answer.errmsg ?? '').slice(0, 100)}` };
    }
  }

  private async post(token: string, message: SubscribeMessage): Promise<PostResult> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value: fitValue(key, value) }]));
    try {
      const response = await fetch(`${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: message.openid,
          template_id: message.templateId,
          ...(message.page ? { page: message.page } : {}),
          data,
          miniprogram_state: this.config.isProduction ? 'formal' : 'developer',
          lang: 'zh_CN',
        }),
        signal: AbortSignal.timeout(this.config.wechat.timeoutMs),
      });
      // 429 and 503 say "not taken, come back later"; other HTTP failures (a gateway's 502/504…) may follow delivery.
      if (response.status === 429 || response.status === 503) return { result: 'retry', reason: `HTTP ${response.status}` };
      if (!response.ok) return { result: 'unknown', reason: `HTTP ${response.status}: outcome unknown, not resent` };
      return { answer: (await response.json()) as { errcode?: number; errmsg?: string } };
    } catch (err) {
      if (neverSent(err)) return { result: 'retry', reason: `network error (${(err as { cause: { code?: string } }).cause.code ?? 'connect'})` };
      const what = (err as Error).name === 'TimeoutError' ? `no answer within ${this.config.wechat.timeoutMs} ms` : `connection failed (${(err as Error).message})`;
      return { result: 'unknown', reason: `${what}: outcome unknown, not resent` };
    }
  }
}
