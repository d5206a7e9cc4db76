import { postingTokens, searchGroups, SkillTerms } from './posting-search-text';

const terms = new SkillTerms([
  { code: 'tea.picking', nameZh: '采茶', synonyms: ['摘茶', '采茶叶', '掐茶'] },
  { code: 'catering.kitchen_helper', nameZh: '厨房帮工', synonyms: ['打荷', '帮厨'] },
]);

function matches(tokens: string[], groups: string[][]): boolean {
  return groups.every((g) => g.some((t) => tokens.includes(t)));
}

describe('posting search text', () => {
  const teaPosting = postingTokens(
    {
      title: '茶园采茶工',
      description: '明前茶，按斤计价',
      employerName: '星斗茶叶合作社',
      skillCodes: [],
      skillTexts: [],
    },
    terms,
  );
  const kitchen = postingTokens(
    {
      title: '食堂帮厨',
      description: '洗菜切菜',
      employerName: '文斗镇食堂',
      skillCodes: ['catering.kitchen_helper'],
      skillTexts: ['厨房帮工', '打荷', '帮厨'],
    },
    terms,
  );

  it('tags a posting with the skills its text mentions, even when it lists none', () => {
    expect(teaPosting.searchTokens).toContain('skill:tea.picking');
    expect(teaPosting.titleTokens).toContain('skill:tea.picking');
  });

  it.each([['摘茶'], ['采茶'], ['摘茶工'], ['caicha'], ['cc'], ['zhaicha'], ['茶']])(
    '%s finds the tea posting',
    (q) => {
      expect(matches(teaPosting.searchTokens, searchGroups(q, terms))).toBe(true);
      expect(matches(kitchen.searchTokens, searchGroups(q, terms))).toBe(false);
    },
  );

  it('every query word must match', () => {
    expect(matches(teaPosting.searchTokens, searchGroups('采茶 厨房', terms))).toBe(false);
    expect(matches(kitchen.searchTokens, searchGroups('打荷', terms))).toBe(true);
  });

  it('splits a query piece into skill words and the rest', () => {
    expect(terms.split('摘茶工')).toEqual([
      { text: '摘茶', isTerm: true },
      { text: '工', isTerm: false },
    ]);
  });
});
