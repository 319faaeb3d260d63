import { maskDatabaseUrl } from './wait-for-database';

describe('maskDatabaseUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskDatabaseUrl('mysql://torch:s3cret@db.internal:3306/torchred?ssl=1')).toBe('mysql://torch:***@db.internal:3306/torchred?ssl=1');
    expect(maskDatabaseUrl('mysql://root@127.0.0.1:3306/torchred')).toBe('mysql://root@127.0.0.1:3306/torchred');
  });
});
