import { QueryFailedError, type DataSource } from 'typeorm';
import { toErrorBody } from '../http/http-exception.filter';
import { primaryRead } from './primary-pool';

/** A DataSource whose primary pool answers with `answer`. */
function dataSourceAnswering(answer: () => Promise<{ rows: unknown[] }>): DataSource {
  return { driver: { master: { query: answer } } } as unknown as DataSource;
}

describe('primaryRead: a read on the primary pool, errors as TypeORM would give them', () => {
  it('returns the rows', async () => {
    const ds = dataSourceAnswering(() => Promise.resolve({ rows: [{ stamp: '7' }] }));
    await expect(primaryRead(ds, 'SELECT stamp FROM search_stamp')).resolves.toEqual([{ stamp: '7' }]);
  });

  it("wraps PostgreSQL's answer as QueryFailedError, so a bad value is still a 400, not a 500", async () => {
    const pgError = Object.assign(new Error('invalid input syntax for type uuid'), {
      severity: 'ERROR',
      code: '22P02',
    });
    const ds = dataSourceAnswering(() => Promise.reject(pgError));
    const e: unknown = await primaryRead(ds, 'SELECT $1::uuid', ['x']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QueryFailedError);
    expect((e as QueryFailedError).driverError).toBe(pgError);
    expect(toErrorBody(e, 'req-1')).toMatchObject({ statusCode: 400, message: 'Invalid value' });
  });

  it('lets a connection failure through as it is, so the filter answers 503', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const ds = dataSourceAnswering(() => Promise.reject(down));
    const e: unknown = await primaryRead(ds, 'SELECT 1').catch((x: unknown) => x);
    expect(e).toBe(down);
    expect(toErrorBody(e, 'req-1')).toMatchObject({ statusCode: 503 });
  });
});
