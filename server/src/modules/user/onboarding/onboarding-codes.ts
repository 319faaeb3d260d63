import { randomInt } from 'node:crypto';
import { ONBOARDING_CODE_ALPHABET } from '@torch-red/shared';

/** A random code of `length` characters from the unambiguous alphabet (crypto-strength). */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ONBOARDING_CODE_ALPHABET[randomInt(ONBOARDING_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, as the code it stands for: upper case, spaces and dashes dropped. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
