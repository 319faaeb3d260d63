import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app-error';

export type TokenKind = 'user' | 'admin';

interface TokenPayload {
  sub: string;
  kind: TokenKind;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: number, kind: TokenKind): Promise<string> {
    const expiresIn = kind === 'admin' ? this.config.jwt.adminTtlSeconds : this.config.jwt.userTtlSeconds;
    return this.jwt.signAsync({ sub: String(userId), kind } satisfies TokenPayload, { expiresIn, secret: this.config.jwt.secret });
  }

  async verify(token: string): Promise<{ userId: number; kind: TokenKind }> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { secret: this.config.jwt.secret, algorithms: ['HS256'] });
    } catch (err) {
      throw new AppError((err as Error).name === 'TokenExpiredError' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    }
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || (payload.kind !== 'user' && payload.kind !== 'admin')) {
      throw new AppError('TOKEN_INVALID');
    }
    return { userId, kind: payload.kind };
  }
}
