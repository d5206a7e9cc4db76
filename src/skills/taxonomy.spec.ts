import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseTaxonomy, TaxonomyError, type SkillYaml } from './taxonomy';

const shipped = (): SkillYaml[] =>
  parseTaxonomy(parse(readFileSync(join(__dirname, '../../config/skills.yaml'), 'utf8')));

const ok = {
  code: 'tea.picking',
  nameZh: '采茶',
  nameEn: 'Tea picking',
  category: 'tea',
  synonyms: ['摘茶'],
};

function errorOf(entries: unknown[]): string {
  try {
    parseTaxonomy({ skills: entries });
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    return (e as Error).message;
  }
  throw new Error('expected a TaxonomyError');
}

describe('parseTaxonomy (config/skills.yaml validation)', () => {
  it('accepts a well-formed entry, trimming text', () => {
    expect(parseTaxonomy({ skills: [{ ...ok, nameZh: ' 采茶 ', certificate: 'tea_art' }] })).toEqual([
      { ...ok, certificate: 'tea_art' },
    ]);
  });

  it('names the entry of a duplicate code and where the first one is', () => {
    const msg = errorOf([ok, { ...ok, code: 'tea.processing' }, { ...ok, nameZh: '摘茶' }]);
    expect(msg).toContain('skills[2] (tea.picking)');
    expect(msg).toContain('duplicate code "tea.picking" (first at skills[0])');
  });

  it.each([
    [{ ...ok, nameZh: undefined }, 'nameZh is missing'],
    [{ ...ok, nameZh: '  ' }, 'nameZh is missing'],
    [{ ...ok, nameZh: 'tea' }, 'has no Chinese characters'],
    [{ ...ok, nameEn: '' }, 'nameEn is missing'],
    [{ ...ok, code: undefined }, 'code is missing'],
    [{ ...ok, code: 'TeaPicking' }, 'must be dotted lowercase'],
    [{ ...ok, category: 'tea_house' }, 'unknown category "tea_house"'],
    [{ ...ok, category: undefined }, 'category is missing'],
    [{ ...ok, synonyms: '摘茶' }, 'synonyms must be a list'],
    [{ ...ok, synonyms: ['摘茶', 12] }, 'synonyms[1] must be a non-empty text'],
    [{ ...ok, synonyms: ['摘茶', '摘茶'] }, 'synonym "摘茶" appears twice'],
    [{ ...ok, synonym: ['摘茶'] }, 'unknown key "synonym"'],
    [{ ...ok, certificate: 'Electrician Cert' }, 'certificate must be a lowercase word'],
  ])('refuses %o: %s', (entry, problem) => {
    const msg = errorOf([{ ...ok, code: 'tea.processing' }, entry]);
    expect(msg).toContain('config/skills.yaml: skills[1]');
    expect(msg).toContain(problem);
  });

  it('refuses a file without a skills list and a non-mapping entry', () => {
    expect(() => parseTaxonomy({ skill: [] })).toThrow('must have a `skills:` list');
    expect(() => parseTaxonomy(null)).toThrow(TaxonomyError);
    expect(errorOf(['tea.picking'])).toContain('skills[0]: must be a mapping');
  });
});

describe('the shipped taxonomy', () => {
  const skills = shipped();
  const byCode = new Map(skills.map((s) => [s.code, s]));

  it('has at least 150 skills with unique codes', () => {
    expect(skills.length).toBeGreaterThanOrEqual(150);
    expect(byCode.size).toBe(skills.length);
  });

  it('keeps the codes other modules and data already reference', () => {
    for (const code of [
      'tea.picking',
      'tea.processing',
      'tea.planting',
      'cooking.chinese',
      'cleaning.housekeeping',
      'sewing.machine',
      'electrician.low_voltage',
      'driving.c1',
      'care.elderly',
      'herbal.planting',
    ])
      expect(byCode.get(code)).toBeDefined();
  });

  it('gives the common skills the words residents use', () => {
    const has = (code: string, ...words: string[]) =>
      expect(byCode.get(code)?.synonyms).toEqual(expect.arrayContaining(words));
    has('tea.picking', '摘茶', '采茶叶');
    has('sewing.machine', '踩缝纫机', '车工');
    has('warehouse.forklift', '开叉车');
    has('care.infant', '带娃', '育儿嫂');
    has('domestic.housekeeper', '保姆');
    has('construction.masonry', '搬砖', '泥瓦工');
    has('electrician.low_voltage', '电工');
    has('driving.c1', '开车');
    has('welding.electric', '电焊工', '焊工');
    has('catering.dishwashing', '洗碗工');
    has('security.guard', '保安员');
    has('ecommerce.livestream', '直播', '带货');
    has('craft.xilankapu', '西兰卡普');
    has('herbal.coptis', '黄连');
    has('herbal.codonopsis', '党参');
    const withoutSynonyms = skills.filter((s) => !s.synonyms?.length).map((s) => s.code);
    expect(withoutSynonyms).toEqual([]);
  });

  it('covers the trades of the resettlement sites and marks certificates', () => {
    const categories = new Set(skills.map((s) => s.category));
    for (const c of ['tea', 'herbal_medicine', 'livestock', 'construction', 'garments', 'care', 'ecommerce'])
      expect(categories).toContain(c);
    for (const cls of ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'])
      expect(byCode.get(`driving.${cls}`)?.certificate).toBe(`driving_${cls}`);
    expect(byCode.get('electrician.low_voltage')?.certificate).toBe('electrician');
    expect(byCode.get('warehouse.forklift')?.certificate).toBe('forklift');
  });
});
