import { translator } from '../../../i18n/web/i18n';
import { caseClockLabel } from './case-clock-label';

describe('the case clock an officer reads', () => {
  const zh = translator('zh');
  const en = translator('en');

  it('counts working days left across the National Day week', () => {
    expect(caseClockLabel('2026-10-08', '2026-09-30', zh)).toEqual({
      text: '还剩 1 个工作日',
      overdue: false,
    });
    expect(caseClockLabel('2026-10-10', '2026-10-10', zh)).toEqual({ text: '今天到期', overdue: false });
    expect(caseClockLabel('2026-10-08', '2026-09-30', en)).toEqual({
      text: '1 working day left',
      overdue: false,
    });
    expect(caseClockLabel('2026-10-10', '2026-10-10', en)).toEqual({ text: 'Due today', overdue: false });
  });

  it('counts days overdue', () => {
    expect(caseClockLabel('2026-12-01', '2026-12-03', zh)).toEqual({ text: '已超期 2 天', overdue: true });
    expect(caseClockLabel('2026-12-01', '2026-12-03', en)).toEqual({ text: '2 days overdue', overdue: true });
    expect(caseClockLabel('2026-12-01', '2026-12-02', en)).toEqual({ text: '1 day overdue', overdue: true });
  });
});
