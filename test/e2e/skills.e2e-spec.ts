import { DataSource } from 'typeorm';
import { skillQuery, skillSearchSql } from '../../src/skills/skill-search';
import { createTestApp, type TestApp } from '../support/app';

interface SkillBody {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  synonyms: string[];
  certificate: string | null;
}

describe('skill taxonomy (GET /skills, /skills/categories, /skills/:code)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const find = async (q: string): Promise<SkillBody[]> => {
    const res = await t.http.get('/api/v1/skills').query({ q });
    expect(res.status).toBe(200);
    return res.body as SkillBody[];
  };
  const codes = async (q: string) => (await find(q)).map((s) => s.code);

  it('finds 采茶 by the colloquial word 摘茶, first', async () => {
    const found = await find('摘茶');
    expect(found[0]).toMatchObject({ code: 'tea.picking', nameZh: '采茶', category: 'tea' });
    expect(found[0].synonyms).toContain('摘茶');
  });

  it('finds 采茶 by full pinyin, initials and a pinyin prefix', async () => {
    expect((await codes('caicha'))[0]).toBe('tea.picking');
    expect(await codes('cc')).toContain('tea.picking');
    expect((await codes('cc')).indexOf('tea.picking')).toBeLessThan(3);
    const cai = await codes('cai');
    expect(cai).toContain('tea.picking');
    // names whose pinyin starts with "cai" come before names that only contain it (蔬菜 shucai)
    expect(cai.indexOf('tea.picking')).toBeLessThan(cai.indexOf('agri.vegetables'));
  });

  it('finds by English name and by code', async () => {
    expect((await codes('tea picking'))[0]).toBe('tea.picking');
    expect((await codes('tea.picking'))[0]).toBe('tea.picking');
    expect(await codes('forklift')).toContain('warehouse.forklift');
  });

  it('电工 finds the electricians, exact synonyms first', async () => {
    const found = await codes('电工');
    expect(found).toEqual(
      expect.arrayContaining([
        'electrician.low_voltage',
        'electrician.high_voltage',
        'electrician.maintenance',
      ]),
    );
    expect(found.slice(0, 4).every((c) => c.startsWith('electrician.'))).toBe(true);
  });

  it('开车 finds the driving licence classes but not the forklift', async () => {
    const found = await codes('开车');
    for (const cls of ['a1', 'a2', 'b1', 'b2', 'c1', 'c2']) expect(found).toContain(`driving.${cls}`);
    expect(found).not.toContain('warehouse.forklift');
    expect(await codes('开叉车')).toEqual(['warehouse.forklift']);
    // a sentence still finds the skill through its one meaningful word
    expect(await codes('我想开车')).toContain('driving.c1');
  });

  it('finds the words residents use for other trades', async () => {
    expect(await codes('带娃')).toContain('care.infant');
    expect(await codes('保姆')).toContain('domestic.housekeeper');
    expect(await codes('搬砖')).toContain('construction.masonry');
    expect(await codes('踩缝纫机')).toContain('sewing.machine');
    expect(await codes('黄连')).toContain('herbal.coptis');
  });

  it('an empty q lists every skill; a query answers a capped list; nonsense answers nothing', async () => {
    const all = await find('');
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((s) => s.code)).size).toBe(all.length);
    expect((await t.http.get('/api/v1/skills')).body).toHaveLength(all.length);
    expect((await find('c')).length).toBeLessThanOrEqual(50);
    expect(await find('qqqxyz')).toEqual([]);
  });

  it('refuses a too long q and unknown parameters with 400 naming the field', async () => {
    const long = await t.http.get('/api/v1/skills').query({ q: '采'.repeat(51) });
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'q' })]));
    expect((await t.http.get('/api/v1/skills').query({ category: 'tea' })).status).toBe(400);
  });

  it('lists the categories with counts that add up to the taxonomy', async () => {
    const res = await t.http.get('/api/v1/skills/categories');
    expect(res.status).toBe(200);
    const cats = res.body as { code: string; nameZh: string; count: number }[];
    expect(cats).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'tea', nameZh: '茶叶' })]));
    const all = await find('');
    expect(cats.reduce((n, c) => n + c.count, 0)).toBe(all.length);
    expect(cats.find((c) => c.code === 'tea')?.count).toBe(all.filter((s) => s.category === 'tea').length);
  });

  it('shows one skill by code, with its certificate, and 404 for an unknown code', async () => {
    const res = await t.http.get('/api/v1/skills/electrician.low_voltage');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'electrician.low_voltage',
      nameZh: '低压电工',
      certificate: 'electrician',
    });
    expect((await t.http.get('/api/v1/skills/tea.picking')).body.certificate).toBeNull();
    expect((await t.http.get('/api/v1/skills/no.such_skill')).status).toBe(404);
  });

  it('the search query can be served by the GIN index on search_tokens', async () => {
    const query = skillQuery('cai');
    if (!query) throw new Error('blank');
    const { sql, params } = skillSearchSql(query, 50);
    const plan = await t.app.get(DataSource).transaction(async (m) => {
      // with a few hundred rows a sequential scan is cheaper; forbid it to see the index is usable
      await m.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('idx_skill_search_tokens');
  });
});
