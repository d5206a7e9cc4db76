import { caseFigures } from './case-figures';

const row = (o: Partial<Parameters<typeof caseFigures>[0][number]>) => ({
  status: 'open',
  overdue: false,
  openedOn: '2026-09-30',
  firstContactOn: null,
  clearDueOn: '2026-10-13',
  employedOn: null,
  ...o,
});

describe('case figures', () => {
  it('counts open and overdue cases, the median working days to first contact and the share cleared in time', () => {
    const f = caseFigures(
      [
        row({ overdue: true }),
        row({ status: 'assisting', firstContactOn: '2026-10-08' }), // 1 working day (the holiday week)
        row({ status: 'employed', firstContactOn: '2026-10-10', employedOn: '2026-10-12' }), // 3, in time
        row({ status: 'closed', firstContactOn: '2026-10-09', employedOn: '2026-10-20' }), // 2, late
      ],
      '2026-10-21',
    );
    expect(f).toEqual({
      open: 2,
      overdue: 1,
      medianWorkingDaysToFirstContact: 2,
      clearedWithinDeadline: 0.25,
      contacted: 3,
      judged: 4,
    });
  });

  it('has no median and no share before anything happened', () => {
    expect(caseFigures([row({})], '2026-10-01')).toEqual({
      open: 1,
      overdue: 0,
      medianWorkingDaysToFirstContact: null,
      clearedWithinDeadline: null,
      contacted: 0,
      judged: 0,
    });
  });
});
