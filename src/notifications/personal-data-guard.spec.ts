import { assertNoPersonalData } from './personal-data-guard';

describe('assertNoPersonalData', () => {
  it('accepts ids, counts and links', () => {
    expect(() =>
      assertNoPersonalData({
        postingId: 'x',
        matches: 3,
        link: '/postings/x/matches',
        sites: [{ siteId: 'y' }],
      }),
    ).not.toThrow();
  });
  it('refuses phones and national IDs, also nested', () => {
    expect(() => assertNoPersonalData({ phone: '13800000000' })).toThrow(/payload\.phone/);
    expect(() => assertNoPersonalData({ resident: { nationalId: 'x' } })).toThrow(/nationalId/);
    expect(() => assertNoPersonalData({ list: [{ mobile: 'x' }] })).toThrow(/mobile/);
  });
});
