import { skillQuery } from './skill-search';
import { skillSearchTokens } from './skill-tokens';
import type { SkillYaml } from './taxonomy';

const tea: SkillYaml = {
  code: 'tea.picking',
  nameZh: '采茶',
  nameEn: 'Tea picking',
  category: 'tea',
  synonyms: ['摘茶', '采茶叶'],
};
const c1: SkillYaml = {
  code: 'driving.c1',
  nameZh: 'C1驾驶',
  nameEn: 'Driving (licence C1)',
  category: 'logistics',
  synonyms: ['开车'],
};
const green: SkillYaml = {
  code: 'property.greening',
  nameZh: '绿化养护',
  nameEn: 'Gardening',
  category: 'property_services',
};

/** What the SQL does, in memory: every group overlaps, then the rank tier. */
function match(s: SkillYaml, q: string): { matches: boolean; tier: number } {
  const tokens = new Set(skillSearchTokens(s));
  const query = skillQuery(q);
  if (!query) throw new Error('blank');
  const matches = query.groups.length > 0 && query.groups.every((g) => g.some((t) => tokens.has(t)));
  const tier = query.exact.some((t) => tokens.has(t)) ? 0 : query.prefix.some((t) => tokens.has(t)) ? 1 : 2;
  return { matches, tier };
}

describe('skill search tokens and queries', () => {
  it.each([
    ['采茶', 0],
    ['摘茶', 0],
    ['caicha', 0],
    ['cai cha', 0],
    ['cc', 0],
    ['zhaicha', 0],
    ['tea.picking', 0],
    ['Tea Picking', 0],
    ['ＣＡＩＣＨＡ', 0],
    ['cai', 1],
    ['caich', 1],
    ['采', 1],
    ['tea', 1],
    ['tea.', 1],
    ['茶', 2],
    ['cha', 2],
    ['picking', 2],
    ['chaye', 2],
  ])('%s finds 采茶 (tier %i)', (q, tier) => {
    expect(match(tea, q)).toEqual({ matches: true, tier });
  });

  it.each(['采茶工人', 'kaiche', 'xyz', '开车'])('%s does not find 采茶', (q) => {
    expect(match(tea, q).matches).toBe(false);
  });

  it('finds skills with Latin in their names and both spellings of ü', () => {
    expect(match(c1, 'c1')).toEqual({ matches: true, tier: 1 });
    expect(match(c1, 'C1驾驶')).toEqual({ matches: true, tier: 0 });
    expect(match(c1, 'kaiche')).toEqual({ matches: true, tier: 0 });
    expect(match(c1, 'kc')).toEqual({ matches: true, tier: 0 });
    expect(match(green, 'lvhua')).toEqual({ matches: true, tier: 1 });
    expect(match(green, 'luhua')).toEqual({ matches: true, tier: 1 });
  });

  it('treats a blank query as "list everything" and drops filler words', () => {
    expect(skillQuery('   ')).toBeNull();
    expect(skillQuery(undefined)).toBeNull();
    expect(skillQuery('我想开车')?.groups).toEqual([['开车']]);
  });
});
