import type { AppConfig } from '../../config/app-config';
import type { TokenService as TokenServiceType } from './token.service';

// jsonwebtoken keeps its own references to node:crypto's functions from when it is loaded, so the spy must
// exist before this file loads it (through the service, required in beforeAll).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeCrypto = require('node:crypto') as typeof import('node:crypto');
const createPublicKey = jest.spyOn(nodeCrypto, 'createPublicKey');

const SECRET = 'unit-test-secret-0123456789abcdef';
const config = { jwt: { secret: SECRET, userTtlSeconds: 3600, adminTtlSeconds: 600 } } as AppConfig;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('TokenService', () => {
  let tokens: TokenServiceType;
  // A signer that knows the secret, for tokens this server would never issue.
  let sign: (payload: object, options?: Record<string, unknown>) => string;

  beforeAll(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { TokenService } = require('./token.service') as typeof import('./token.service');
    const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');
    /* eslint-enable @typescript-eslint/no-require-imports */
    tokens = new TokenService(config);
    const signer = new JwtService();
    sign = (payload, options = {}) => signer.sign(payload, { secret: SECRET, ...options });
  });

  it('verifies what it issues, without trying the secret as a public key on every call', async () => {
    const token = await tokens.issue(42, 'user', 3);
    createPublicKey.mockClear();
    for (let i = 0; i < 5; i++) await expect(tokens.verify(token)).resolves.toEqual({ userId: 42, kind: 'user', version: 3 });
    expect(createPublicKey).not.toHaveBeenCalled();
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload.exp).toBe((payload.iat as number) + 3600);
  });

  it('accepts tokens signed with the secret as a string (issued before this change)', async () => {
    await expect(tokens.verify(sign({ sub: '7', kind: 'admin', ver: 0 }, { expiresIn: 60 }))).resolves.toEqual({ userId: 7, kind: 'admin', version: 0 });
  });

  it('takes HS256 only: none, HS512 and another secret are invalid', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: '1', kind: 'user', exp: now() + 60 })}.`;
    await expect(tokens.verify(unsigned)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(tokens.verify(sign({ sub: '1', kind: 'user' }, { algorithm: 'HS512', expiresIn: 60 }))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const forged = new (jest.requireActual<typeof import('@nestjs/jwt')>('@nestjs/jwt').JwtService)().sign({ sub: '1', kind: 'user' }, { secret: 'another-secret', expiresIn: 60 });
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(tokens.verify('nonsense')).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('requires exp, honours exp and nbf', async () => {
    await expect(tokens.verify(sign({ sub: '1', kind: 'user' }))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(tokens.verify(sign({ sub: '1', kind: 'user', exp: now() - 10 }))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(tokens.verify(sign({ sub: '1', kind: 'user' }, { expiresIn: 120, notBefore: 60 }))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('checks the claims', async () => {
    for (const claims of [{ sub: '0', kind: 'user' }, { sub: 'abc', kind: 'user' }, { sub: '1', kind: 'root' }, { sub: '1', kind: 'user', ver: -1 }, { sub: '1', kind: 'user', ver: 1.5 }]) {
      await expect(tokens.verify(sign(claims, { expiresIn: 60 }))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    }
  });

  it('checks a token once, still expires it on time, and never remembers a refused one', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');
    const checks = jest.spyOn(JwtService.prototype, 'verify');
    const token = sign({ sub: '9', kind: 'user', ver: 1 }, { expiresIn: 30 });
    try {
      for (let i = 0; i < 3; i++) await expect(tokens.verify(token)).resolves.toEqual({ userId: 9, kind: 'user', version: 1 });
      expect(checks).toHaveBeenCalledTimes(1);
      const later = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
      try {
        await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
        await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
      } finally {
        later.mockRestore();
      }
      checks.mockClear();
      const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      for (let i = 0; i < 2; i++) await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
      expect(checks).toHaveBeenCalledTimes(2);
    } finally {
      checks.mockRestore();
    }
  });
});
