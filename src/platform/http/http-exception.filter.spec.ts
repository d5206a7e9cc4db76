import { QueryFailedError } from 'typeorm';
import { isDependencyDown, toErrorBody } from './http-exception.filter';

describe('toErrorBody: a dependency that is away answers 503, a bug 500', () => {
  const pgError = (message: string, code?: string): Error => Object.assign(new Error(message), { code });

  it.each([
    ['refused connect', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['admin shutdown', pgError('terminating connection due to administrator command', '57P01')],
    ['starting up', pgError('the database system is starting up', '57P03')],
    ['client closed', pgError('Client was closed and is not queryable')],
    ['client in error', pgError('Client has encountered a connection error and is not queryable')],
    ['terminated', pgError('Connection terminated unexpectedly')],
    ['pool timeout', pgError('timeout exceeded when trying to connect')],
    [
      'runner released mid-transaction',
      pgError('Query runner already released. Cannot run queries anymore.'),
    ],
    [
      'TypeORM wrapper',
      new QueryFailedError(
        'SELECT 1',
        [],
        pgError('terminating connection due to administrator command', '57P01'),
      ),
    ],
    ['cause chain', new Error('could not open session', { cause: pgError('x', 'ECONNRESET') })],
    ['AggregateError', new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '')],
  ])('%s → 503', (_label, error) => {
    expect(isDependencyDown(error)).toBe(true);
    expect(toErrorBody(error, 'r1')).toMatchObject({ statusCode: 503, requestId: 'r1' });
  });

  it('a plain bug stays a 500, with no internals in the message', () => {
    const body = toErrorBody(new TypeError("Cannot read properties of undefined (reading 'id')"), 'r2');
    expect(body).toMatchObject({ statusCode: 500, requestId: 'r2' });
    expect(body.message).not.toMatch(/Cannot read/);
    expect(isDependencyDown(null)).toBe(false);
    expect(isDependencyDown('ECONNREFUSED')).toBe(false);
  });
});
