import { ageOn } from './employment-policy';

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1966-05-10', '2026-05-09')).toBe(59);
    expect(ageOn('1966-05-10', '2026-05-10')).toBe(60);
    expect(ageOn('1966-05-10', '2027-01-01')).toBe(60);
  });
});
