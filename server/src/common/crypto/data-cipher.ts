import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** AES-256-GCM for personal data at rest; a dump of the table shows only ciphertext. */
export class DataCipher {
  private readonly hmacKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('DataCipher needs a 32-byte key');
    // A separate key for lookups, so the hash cannot be used to test guesses against the encryption key.
    this.hmacKey = createHmac('sha256', key).update('torch-red:lookup').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unrecognised ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** The plain text, or null for a value this key cannot open (tampered, another key, not ciphertext at all). */
  decryptOrNull(sealed: string): string | null {
    try {
      return this.decrypt(sealed);
    } catch {
      return null;
    }
  }

  /** Deterministic keyed hash for exact-match lookups (e.g. find a person by phone). */
  lookupHash(value: string): string {
    return createHmac('sha256', this.hmacKey).update(value).digest('hex');
  }
}

/** 13812345678 → 138****5678; anything shorter keeps only its last two characters. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length <= 2) return '*'.repeat(phone.length);
  return `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`;
}
