import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WechatAccessToken } from './wechat-access-token';

/** What the server needs from WeChat's phone-number API: the number behind a getPhoneNumber code. */
export abstract class PhoneNumberClient {
  /** The mainland number without country code (purePhoneNumber). Throws AppError for WeChat's refusals. */
  abstract phoneNumber(code: string): Promise<string>;
}

interface PhoneAnswer {
  errcode?: number;
  errmsg?: string;
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string; watermark?: { appid?: string; timestamp?: number } };
}

/**
 * The real client: POST wxa/business/getuserphonenumber with the shared access token. A rejected token
 * (40001/42001) is refreshed and the call retried once; "busy" (-1) is retried once.
 */
@Injectable()
export class HttpPhoneNumberClient extends PhoneNumberClient {
  private readonly logger = new Logger('WechatPhone');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: WechatAccessToken,
  ) {
    super();
  }

  async phoneNumber(code: string): Promise<string> {
    if (!this.config.wechat.appId || !this.config.wechat.secret) {
      this.logger.error('WECHAT_APPID / WECHAT_SECRET are not configured; phone binding is unavailable');
      throw new AppError('WECHAT_UNAVAILABLE');
    }
    let token = await this.tokens.get();
    let retriedToken = false;
    let retriedBusy = false;
    for (;;) {
      if (!token) throw new AppError('WECHAT_UNAVAILABLE');
      const answer = await this.post(token, code);
      const errcode = answer.errcode ?? 0;
      if (errcode === 0) return this.readNumber(answer);
      if ((errcode === 40001 || errcode === 42001) && !retriedToken) {
        retriedToken = true;
        token = await this.tokens.get(token);
        continue;
      }
      if (errcode === -1 && !retriedBusy) {
        retriedBusy = true;
        continue;
      }
      switch (errcode) {
        case 40029:
        case 40163:
          throw new AppError('WECHAT_PHONE_CODE_INVALID');
        case 45011:
          throw new AppError('WECHAT_RATE_LIMITED', '操作太频繁，请稍后再试');
        default:
          this.logger.warn(`getuserphonenumber failed with errcode ${errcode}`);
          throw new AppError('WECHAT_UNAVAILABLE');
      }
    }
  }

  private readNumber(answer: PhoneAnswer): string {
    const info = answer.phone_info;
    // The watermark says which mini-program the number was released to: refuse one meant for another app.
    if (info?.watermark?.appid !== this.config.wechat.appId) {
      this.logger.error('getuserphonenumber answered with a watermark of another appid');
      throw new AppError('WECHAT_UNAVAILABLE');
    }
    const pure = info.purePhoneNumber ?? '';
    if (!/^1[3-9][0-9]{9}$/.test(pure) || (info.countryCode && info.countryCode !== '86')) {
      throw new AppError('VALIDATION_FAILED', '暂只支持中国大陆手机号，请联系书记用绑定码绑定');
    }
    return pure;
  }

  private async post(token: string, code: string): Promise<PhoneAnswer> {
    try {
      const response = await fetch(`${this.config.wechat.apiBase}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        signal: AbortSignal.timeout(this.config.wechat.timeoutMs),
      });
      if (!response.ok) {
        this.logger.warn(`getuserphonenumber answered HTTP ${response.status}`);
        throw new AppError('WECHAT_UNAVAILABLE');
      }
      return (await response.json()) as PhoneAnswer;
    } catch (err) {
      if (err instanceof AppError) throw err;
      this.logger.warn(`getuserphonenumber failed: ${(err as Error).name}`);
      throw new AppError('WECHAT_UNAVAILABLE');
    }
  }
}
