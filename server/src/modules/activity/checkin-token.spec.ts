import { randomBytes } from 'node:crypto';
import { CheckinTokens } from './checkin-token';

describe('CheckinTokens', () => {
  const tokens = new CheckinTokens(randomBytes(32), 30);
  const t0 = new Date('2026-12-01T01:00:05Z');

  it('accepts the current token and its 6-digit code', () => {
    const { token, shortCode } = tokens.issue(7, t0);
    expect(tokens.verify(7, token, t0)).toBe(true);
    expect(tokens.verify(7, shortCode, t0)).toBe(true);
  });

  it('accepts the previous window but not older ones', () => {
    const { token } = tokens.issue(7, t0);
    expect(tokens.verify(7, token, new Date(t0.getTime() + 30000))).toBe(true);
    expect(tokens.verify(7, token, new Date(t0.getTime() + 61000))).toBe(false);
  });

  it('binds the token to its activity and refuses forgeries', () => {
    const { token } = tokens.issue(7, t0);
    expect(tokens.verify(8, token, t0)).toBe(false);
    expect(tokens.verify(7, token.replace(/.$/, token.endsWith('A') ? 'B' : 'A'), t0)).toBe(false);
    expect(tokens.verify(7, '000000', t0) && tokens.issue(7, t0).shortCode !== '000000').toBe(false);
  });
});
