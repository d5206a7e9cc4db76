import { documentTokens, pinyinForms, queryTokenGroups, words } from './chinese-text';

describe('chinese-text', () => {
  it('segments Chinese into words', () => {
    expect(words('我会采茶和茶叶加工')).toEqual(expect.arrayContaining(['采茶', '茶叶', '加工']));
  });

  it('gives full pinyin and initials', () => {
    expect(pinyinForms('采茶')).toEqual(['caicha', 'cc']);
    expect(pinyinForms('abc')).toEqual([]);
  });

  it('document tokens hold words, characters and pinyin', () => {
    const t = documentTokens('招聘采茶工', null);
    expect(t).toEqual(expect.arrayContaining(['采茶', '茶', 'caicha', 'cc']));
  });

  it('query groups segment Chinese and keep latin as typed', () => {
    expect(queryTokenGroups('采茶 包住')).toEqual(expect.arrayContaining([['采茶']]));
    expect(queryTokenGroups('CaiCha')).toEqual([['caicha']]);
    expect(queryTokenGroups('  ')).toEqual([]);
  });
});
