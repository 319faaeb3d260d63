import type { FormField } from '@torch-red/shared';
import { DataCipher } from '../../common/crypto/data-cipher';
import { openAnswers, sealAnswers } from './sealed-answers';

describe('sealed form answers', () => {
  const cipher = new DataCipher(Buffer.alloc(32, 7));
  const fields: FormField[] = [
    { key: 'company', label: '单位', type: 'text', required: true },
    { key: 'mobile', label: '手机号', type: 'phone', required: true },
  ];

  it('phones are sealed at rest, masked for lists and in full only for the export; the stored answers are not touched', () => {
    const sealed = sealAnswers(cipher, fields, { company: '示例单位', mobile: '13900000000' });
    expect(sealed.mobile).toMatch(/^v1:/);
    const before = { ...sealed };
    expect(openAnswers(cipher, sealed, 'mask')).toEqual({ company: '示例单位', mobile: '139****0000' });
    expect(openAnswers(cipher, sealed, 'full')).toEqual({ company: '示例单位', mobile: '13900000000' });
    expect(sealed).toEqual(before);
  });

  it('answers with nothing sealed come back as they are, without a copy', () => {
    const plain = { company: '示例单位' };
    expect(openAnswers(cipher, plain, 'mask')).toBe(plain);
  });
});
