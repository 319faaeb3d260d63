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
  const opened: FormAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    const plain = typeof value === 'string' && value.startsWith('v1:') ? cipher.decryptOrNull(value) : null;
    opened[key] = plain === null ? value : mode === 'full' ? plain : maskPhone(plain);
  }
  return opened;
}
