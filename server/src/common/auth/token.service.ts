import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app-error';

/**
 * How the session began: `user` from WeChat (or dev) login, `admin` from the username/password login.
 * It grants nothing. What a person may do is decided by the roles read from the database on every
 * request, so an ADMIN grant held by a WeChat account is as good as the password login (admins work in
 * the app's 管理后台). The kind only sets the token lifetime and is kept for the audit trail.
 */
export type TokenKind = 'user' | 'admin';

interface TokenPayload {
  sub: string;
  kind: TokenKind;
  /** The person's users.tokenVersion when the token was issued; absent in tokens older than the column (0). */
  ver?: number;
  exp?: number;
}

export interface VerifiedToken {
  userId: number;
  kind: TokenKind;
  version: number;
}

/** How many verified tokens a process remembers (about 300 bytes each). */
const VERIFIED_CACHE_SIZE = 10_000;

@Injectable()
export class TokenService {
  /**
   * Signs and verifies with one HMAC key object made at start-up. Handed the secret as a string,
   * jsonwebtoken tries it as a public key on every call (createPublicKey parses, throws) before making a
   * secret key: 8–20 % of the CPU of every signed-in request. HS256 is the only algorithm either way.
   */
  private readonly jwt: JwtService;

  /**
   * Tokens whose signature and claims were checked, with their expiry: checking an HMAC signature and parsing
   * the claims again gives the same answer for the same string, so a member's every request after the first
   * skips it (3–5 % of a read's CPU). Expiry is still checked on every use; whether the session was revoked is
   * the database's answer, read on every request by the guard. Oldest entries go first when full.
   */
  private readonly verified = new Map<string, { token: VerifiedToken; expiresAtMs: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Buffer.from(string) is what jsonwebtoken did with the string: tokens issued before stay valid.
    const key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
    this.jwt = new JwtService({ secret: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  issue(userId: number, kind: TokenKind, version: number): Promise<string> {
    const expiresIn = kind === 'admin' ? this.config.jwt.adminTtlSeconds : this.config.jwt.userTtlSeconds;
    return this.jwt.signAsync({ sub: String(userId), kind, ver: version } satisfies TokenPayload, { expiresIn });
  }

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return known.token;
      this.verified.delete(token);
      throw new AppError('TOKEN_EXPIRED');
    }
    const verified = this.check(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, verified);
    return verified.token;
  }

  private check(token: string): { token: VerifiedToken; expiresAtMs: number } {
    let payload: TokenPayload;
    try {
      // Checks the signature, the algorithm (HS256 only), exp when present and nbf.
      payload = this.jwt.verify<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch (err) {
      throw new AppError((err as Error).name === 'TokenExpiredError' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    }
    const userId = Number(payload.sub);
    // Every token we issue expires; one without `exp` was not made by this server (or only with a leaked secret).
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new AppError('TOKEN_INVALID');
    if (!Number.isSafeInteger(userId) || userId <= 0 || (payload.kind !== 'user' && payload.kind !== 'admin')) {
      throw new AppError('TOKEN_INVALID');
    }
    const version = payload.ver ?? 0;
    if (!Number.isSafeInteger(version) || version < 0) throw new AppError('TOKEN_INVALID');
    return { token: { userId, kind: payload.kind, version }, expiresAtMs: payload.exp * 1000 };
  }
}
