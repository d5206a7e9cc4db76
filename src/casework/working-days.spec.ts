import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days (2026 State Council holiday notice)', () => {
  it('skips the National Day week and counts the make-up Saturday 10 October', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-07'])
      expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up day
    // Recognised on Wednesday 30 September: 3 working days are 8, 9 and 10 October.
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
  });

  it('skips the Spring Festival and counts its make-up Saturdays 14 and 28 February', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(false);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // Recognised on Friday 13 February: Saturday 14th works, then nothing until Tuesday 24th.
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('an ordinary weekend is skipped', () => {
    expect(addWorkingDays('2026-11-27', 3)).toBe('2026-12-02'); // Friday → Wednesday
  });

  it('counts working days left and overdue for the queue', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
    expect(workingDaysBetween('2026-12-01', '2026-12-01')).toBe(0);
  });
});
