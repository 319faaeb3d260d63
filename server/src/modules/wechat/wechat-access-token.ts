import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { DataCipher } from '../../common/crypto/data-cipher';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WechatTokenEntity } from './wechat-token.entity';

const TOKEN_NAME = 'access_token';

/**
 * WeChat's server-to-server access token, shared by every process through the database (so they do not
 * invalidate each other's) and refreshed by one process's write when near expiry or rejected.
 */
@Injectable()
export class WechatAccessToken {
  private readonly logger = new Logger('WechatToken');
  private refreshing?: Promise<string | null>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly clock: Clock,
  ) {}

  /** The current token; pass the one WeChat just rejected (40001/42001) to force a refresh. Null when none can be had. */
  async get(rejected?: string): Promise<string | null> {
    const repo = this.dataSource.getRepository(WechatTokenEntity);
    const cached = await repo.findOneBy({ name: TOKEN_NAME });
    if (cached && cached.expiresAt.getTime() - this.clock.now().getTime() > 5 * 60 * 1000) {
      const value = this.cipher.decrypt(cached.value);
      if (value !== rejected) return value;
    }
    // Concurrent callers in this process share one refresh.
    this.refreshing ??= this.fetchToken().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async fetchToken(): Promise<string | null> {
    const repo = this.dataSource.getRepository(WechatTokenEntity);
    const now = this.clock.now();
    const { appId, secret, apiBase, timeoutMs } = this.config.wechat;
    try {
      const url = `${apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(secret)}`;
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await response.json()) as { access_token?: string; expires_in?: number; errcode?: number };
      if (!body.access_token) {
        this.logger.warn(`cgi-bin/token failed with errcode ${body.errcode}`);
        return null;
      }
      const expiresAt = new Date(now.getTime() + (body.expires_in ?? 7200) * 1000);
      await repo.upsert({ name: TOKEN_NAME, value: this.cipher.encrypt(body.access_token), expiresAt }, ['name']);
      return body.access_token;
    } catch {
      return null;
    }
  }
}
