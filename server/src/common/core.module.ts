import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService } from './rate-limit/rate-limit.service';
import { Tx } from '../database/tx.service';
import { Clock } from './clock';
import { TokenService } from './auth/token.service';
import { DataCipher } from './crypto/data-cipher';

/** Cross-cutting services every feature may use: config, tokens, encryption, rate limits. */
@Global()
@Module({
  providers: [
    { provide: DataCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DataCipher(config.dataKey) },
    TokenService,
    RateLimitService,
    Tx,
    Clock,
  ],
  exports: [DataCipher, TokenService, RateLimitService, Tx, Clock],
})
export class CoreModule {}
