import { randomBytes } from 'node:crypto';
import { DataCipher, maskPhone } from './data-cipher';

describe('DataCipher', () => {
  const cipher = new DataCipher(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('13812345678');
    expect(sealed).not.toContain('13812345678');
    expect(cipher.decrypt(sealed)).toBe('13812345678');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
  });

  it('rejects tampered ciphertext', () => {
    const sealed = cipher.encrypt('13812345678');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('00000000000', 'utf8').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('rejects a different key', () => {
    const other = new DataCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('13812345678'))).toThrow();
  });

  it('opens what it sealed, and answers null instead of throwing for anything else', () => {
    expect(cipher.decryptOrNull(cipher.encrypt('13812345678'))).toBe('13812345678');
    expect(new DataCipher(randomBytes(32)).decryptOrNull(cipher.encrypt('13812345678'))).toBeNull();
    expect(cipher.decryptOrNull('13812345678')).toBeNull();
    expect(cipher.decryptOrNull('v1:broken')).toBeNull();
  });

  it('hashes deterministically for lookups', () => {
    expect(cipher.lookupHash('13812345678')).toBe(cipher.lookupHash('13812345678'));
    expect(cipher.lookupHash('13812345678')).not.toBe(cipher.lookupHash('13812345679'));
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks short values too', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('1')).toBe('*');
  });
});
