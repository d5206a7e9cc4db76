import { safeNext } from './render';
import { translator } from '../i18n/web/i18n';
import { CATALOGUES } from '../i18n/web/messages';

describe('safeNext', () => {
  it('keeps local paths and refuses everything that could leave the site', () => {
    expect(safeNext('/account?x=1')).toBe('/account?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/ok\r\nSet-Cookie: x=1')).toBe('/');
    expect(safeNext(undefined, '/employer')).toBe('/employer');
  });
});

describe('message catalogue', () => {
  it('fills parameters and has the same placeholders in every language', () => {
    expect(translator('zh')('wage.day', { min: 120, max: 180 })).toBe('每天 120–180 元');
    expect(translator('en')('wage.day', { min: 120, max: 180 })).toBe('120–180 yuan a day');
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(CATALOGUES.zh) as (keyof typeof CATALOGUES.zh)[]) {
      expect([key, names(CATALOGUES.en[key])]).toEqual([key, names(CATALOGUES.zh[key])]);
    }
  });
});
