import { bindCondition } from './sql-condition';

describe('bindCondition', () => {
  it('numbers the named parameters after the ones the caller already has, in order of use', () => {
    const params: unknown[] = ['2026-12-02'];
    const sql = bindCondition(
      { sql: 'c.site_id = ANY(CAST(:sites AS uuid[])) OR c.origin LIKE :origin OR c.x = :sites', params: { sites: ['a'], origin: '4228' } },
      params,
    );
    expect(sql).toBe('c.site_id = ANY(CAST($2 AS uuid[])) OR c.origin LIKE $3 OR c.x = $4');
    expect(params).toEqual(['2026-12-02', ['a'], '4228', ['a']]);
  });

  it('leaves casts and names the condition does not own as written', () => {
    const params: unknown[] = [];
    const sql = bindCondition({ sql: 'x = :v::uuid AND y::text = :other', params: { v: 'id' } }, params);
    expect(sql).toBe('x = $1::uuid AND y::text = :other');
    expect(params).toEqual(['id']);
  });
});
