import type { FormAnswers, FormField } from '@torch-red/shared';
import { maskPhone, type DataCipher } from '../../common/crypto/data-cipher';

/** Phone answers are personal data: encrypted at rest like the people table's phones. */
export function sealAnswers(cipher: DataCipher, fields: FormField[], answers: FormAnswers): FormAnswers {
  const sealed: FormAnswers = { ...answers };
  for (const field of fields) {
    const value = sealed[field.key];
    if (field.type === 'phone' && typeof value === 'string') sealed[field.key] = cipher.encrypt(value);
  }
  return sealed;
}

/** Decrypts sealed answers: masked for lists and the person's own view, in full only for the export. */
export function openAnswers(cipher: DataCipher, answers: FormAnswers, mode: 'mask' | 'full'): FormAnswers {
  let opened: FormAnswers | null = null;
  for (const key in answers) {
    const value = answers[key];
    const plain = typeof value === 'string' && value.startsWith('v1:') ? cipher.decryptOrNull(value) : null;
    if (plain === null) continue;
    opened ??= { ...answers };
    opened[key] = mode === 'full' ? plain : maskPhone(plain);
  }
  // Nothing sealed (most forms have no phone field): the answers as they are, no copy.
  return opened ?? answers;
}
