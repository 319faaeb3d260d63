import { randomBytes } from 'node:crypto';
import { dataKeyProblem, isSimplePattern, passwordProblem, secretProblem } from './secret-policy';

describe('secret policy', () => {
  it('spots repetitions and simple sequences', () => {
    for (const s of ['aaaaaaaa', 'abcabcabc', '123456789', '7890123456', 'abcdefgh', '98765432', 'zyxwvuts']) expect(isSimplePattern(s)).toBe(true);
    for (const s of ['q8J3vX0p', 'Torch-Red-2026!', '13572468']) expect(isSimplePattern(s)).toBe(false);
  });

  it('asks passwords for length, variety, classes, and no common or username-based choice', () => {
    expect(passwordProblem('Short-1!')).toBe('too-short');
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toBe('repetitive');
    expect(passwordProblem('1234567890123456')).toBe('repetitive');
    expect(passwordProblem('Abcdefghijklmnop')).toBe('repetitive');
    expect(passwordProblem('onlylowercaseletters')).toBe('few-classes');
    expect(passwordProblem('Password123!')).toBe('common');
    expect(passwordProblem('Sec-Admin-Pass-2026!', 'sec-admin')).toBe('common');
    expect(passwordProblem('Torch-Red-2026-Strong!')).toBeNull();
    expect(passwordProblem('a-strong-admin-password-123')).toBeNull();
  });

  it('wants JWT secrets random, not just long', () => {
    expect(secretProblem(undefined)).toMatch(/16/);
    expect(secretProblem('aaaaaaaaaaaaaaaa')).not.toBeNull();
    expect(secretProblem('1234567890123456')).not.toBeNull();
    expect(secretProblem('changeme')).not.toBeNull();
    expect(secretProblem('abababababababababab')).not.toBeNull();
    expect(secretProblem(randomBytes(32).toString('base64'))).toBeNull();
    expect(secretProblem(randomBytes(32).toString('hex'))).toBeNull();
  });

  it('wants DATA_KEY bytes random', () => {
    expect(dataKeyProblem(Buffer.alloc(32))).not.toBeNull();
    expect(dataKeyProblem(Buffer.alloc(32, 0xaa))).not.toBeNull();
    expect(dataKeyProblem(Buffer.from('0123456789abcdef'.repeat(4), 'hex'))).not.toBeNull();
    expect(dataKeyProblem(Buffer.from([...Array(32).keys()]))).not.toBeNull();
    expect(dataKeyProblem(Buffer.alloc(16, 1))).not.toBeNull();
    for (let i = 0; i < 20; i++) expect(dataKeyProblem(randomBytes(32))).toBeNull();
  });
});
