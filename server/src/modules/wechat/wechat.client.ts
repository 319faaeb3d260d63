import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AppError } from '../../common/errors/app-error';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** What the server needs from WeChat's login API. */
export abstract class WechatClient {
  abstract code2Session(code: string): Promise<WechatSession>;
}

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** The real client: calls jscode2session over HTTP at WECHAT_API_BASE and maps WeChat's error answers. */
@Injectable()
export class HttpWechatClient extends WechatClient {
  private readonly logger = new Logger('WechatClient');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async code2Session(code: string): Promise<WechatSession> {
    const { appId, secret, apiBase, timeoutMs } = this.config.wechat;
    if (!appId || !secret) {
      this.logger.error('WECHAT_APPID / WECHAT_SECRET are not configured; WeChat login is unavailable');
      throw new AppError('WECHAT_UNAVAILABLE');
    }
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString();

    let answer: Code2SessionAnswer;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) {
        this.logger.warn(`jscode2session answered HTTP ${response.status}`);
        throw new AppError('WECHAT_UNAVAILABLE');
      }
      answer = (await response.json()) as Code2SessionAnswer;
    } catch (err) {
      if (err instanceof AppError) throw err;
      this.logger.warn(`jscode2session failed: ${(err as Error).name}`);
      throw new AppError('WECHAT_UNAVAILABLE');
    }

    const errcode = answer.errcode ?? 0;
    if (errcode === 0 && answer.openid) {
      // session_key is a secret we do not need: it is dropped here and never logged or returned.
      return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
    }
    switch (errcode) {
      case 40029:
      case 40163: // code already used
        throw new AppError('WECHAT_CODE_INVALID');
      case 45011:
        throw new AppError('WECHAT_RATE_LIMITED');
      case 40226:
        throw new AppError('WECHAT_USER_BLOCKED');
      case -1:
        throw new AppError('WECHAT_UNAVAILABLE');
      case 40013:
      case 41002:
      case 41004:
      case 41008:
        this.logger.error(`WeChat rejected our configuration (errcode ${errcode}): check WECHAT_APPID / WECHAT_SECRET`);
        throw new AppError('WECHAT_UNAVAILABLE');
      default:
        this.logger.error(`Unexpected jscode2session answer (errcode ${errcode})`);
        throw new AppError('WECHAT_UNAVAILABLE');
    }
  }
}
