import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitService } from '../modules/rate-limit/rate-limit.service';
import { ENTITIES } from '../database/data-source';
import { Tx } from '../database/tx.service';
import { Clock } from './clock';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { DataCipher } from './crypto/data-cipher';

/** Cross-cutting services every feature may use: config, tokens, encryption, rate limits. */
@Global()
@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature(ENTITIES)],
  providers: [
    { provide: DataCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DataCipher(config.dataKey) },
    TokenService,
    AuthGuard,
    RateLimitService,
    Tx,
    Clock,
  ],
  exports: [DataCipher, TokenService, AuthGuard, RateLimitService, Tx, Clock, TypeOrmModule],
})
export class CoreModule {}
