import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { Tx } from './tx.service';

const busy = (): QueryFailedError => new QueryFailedError('BEGIN', [], Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' }));

describe('Tx on SQLite', () => {
  it('runs a transaction again when another program held the write lock (SQLITE_BUSY)', async () => {
    let calls = 0;
    const dataSource = {
      options: { type: 'better-sqlite3' },
      transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
        calls++;
        if (calls < 3) throw busy();
        return work({} as EntityManager);
      },
    } as unknown as DataSource;
    await expect(new Tx(dataSource).run(async () => 'done')).resolves.toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after a few attempts and does not retry other errors', async () => {
    let calls = 0;
    const failing = (err: () => Error) =>
      ({
        options: { type: 'better-sqlite3' },
        transaction: async () => {
          calls++;
          throw err();
        },
      }) as unknown as DataSource;
    await expect(new Tx(failing(busy)).run(async () => 'never')).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(5);
    calls = 0;
    await expect(new Tx(failing(() => new Error('boom'))).run(async () => 'never')).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
