import { BINDING_CODE_LENGTH, ONBOARDING_CODE_ALPHABET } from '@torch-red/shared';
import { normaliseCode, randomCode } from './onboarding-codes';

describe('onboarding codes', () => {
  it('are made of the unambiguous alphabet only, at the asked length', () => {
    for (let i = 0; i < 200; i++) {
      const code = randomCode(BINDING_CODE_LENGTH);
      expect(code).toHaveLength(6);
      expect([...code].every((c) => ONBOARDING_CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it('leave out look-alike characters', () => {
    for (const c of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B']) expect(ONBOARDING_CODE_ALPHABET).not.toContain(c);
  });

  it('vary (no fixed result)', () => {
    expect(new Set(Array.from({ length: 50 }, () => randomCode(6))).size).toBeGreaterThan(45);
  });

  it('are read case-insensitively without spaces or dashes', () => {
    expect(normaliseCode(' ac3-d4e ')).toBe('AC3D4E');
  });
});
