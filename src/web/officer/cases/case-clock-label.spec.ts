import { caseClockLabel } from './case-clock-label';

describe('the case clock an officer reads', () => {
  it('counts working days left across the National Day week', () => {
    expect(caseClockLabel('2026-10-08', '2026-09-30')).toEqual({ text: '还剩 1 个工作日', overdue: false });
    expect(caseClockLabel('2026-10-10', '2026-10-10')).toEqual({ text: '今天到期', overdue: false });
  });

  it('counts days overdue', () => {
    expect(caseClockLabel('2026-12-01', '2026-12-03')).toEqual({ text: '已超期 2 天', overdue: true });
  });
});
