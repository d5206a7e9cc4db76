import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseProgrammeSection, programmeRulesFor } from '../programmes-config';
import {
  addMonths,
  judge,
  parseWorkshopRules,
  quarterFigures,
  quarterOf,
  upgradeChecklist,
  type WorkerPlacement,
  type WorkshopRules,
} from './workshop-rules';

const shipped = parseProgrammeSection(
  parseYaml(readFileSync(join(__dirname, '../../../config/programmes.yaml'), 'utf8')),
  'workshops',
  parseWorkshopRules,
);
const rules: WorkshopRules = shipped.default;

const worker = (i: number, over: Partial<WorkerPlacement> = {}): WorkerPlacement => ({
  residentId: `r${i}`,
  householdStatus: 'none',
  startDate: '2026-01-05',
  endDate: null,
  monthlyIncome: 2500,
  ...over,
});
const five = [1, 2, 3, 4, 5].map((i) => worker(i));
const q3 = quarterOf('2026-08-20');

function judged(placements: WorkerPlacement[], over: Partial<Parameters<typeof judge>[0]> = {}) {
  const asOf = over.asOf ?? '2026-08-20';
  return judge({
    rules,
    figures: quarterFigures(placements, rules, q3, asOf),
    insuranceYuanPerWorkerMonth: 20,
    seasonalMonths: null,
    quarter: q3,
    asOf,
    before: null,
    ...over,
  });
}

describe('workshop rules', () => {
  it('ships the documented defaults', () => {
    expect(rules).toMatchObject({
      minSupportedWorkers: 5,
      minInsuranceYuanPerWorkerMonth: 15,
      bufferMonths: 6,
      countsAfterMonths: 3,
      upgrade: { minWorkers: 10, minContractMonths: 12, minYearlyWagesYuan: 20000 },
    });
  });

  it('quarters and months follow the calendar', () => {
    expect(quarterOf('2026-02-28')).toEqual({
      year: 2026,
      quarter: 1,
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(quarterOf('2026-12-31')).toMatchObject({ quarter: 4, start: '2026-10-01', end: '2026-12-31' });
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('five supported workers and insurance at 15 yuan: normal; one fewer or 14 yuan: pending', () => {
    expect(judged(five).state).toBe('normal');
    expect(judged(five, { insuranceYuanPerWorkerMonth: 15 }).state).toBe('normal');
    const fewer = judged(five.slice(0, 4));
    expect(fewer).toMatchObject({ state: 'pending', pendingSince: '2026-08-20', bufferUntil: '2027-02-20' });
    expect(fewer.shortfalls).toEqual(['supported_workers']);
    expect(judged(five, { insuranceYuanPerWorkerMonth: 14 }).shortfalls).toEqual(['insurance']);
    expect(judged(five, { insuranceYuanPerWorkerMonth: null }).state).toBe('pending');
  });

  it('people who left are not at work; a new worker counts after 3 months or on 5,000 a year', () => {
    const left = [
      ...five.slice(0, 3),
      worker(4, { endDate: '2026-08-20' }),
      worker(5, { endDate: '2026-07-31' }),
    ];
    const f = quarterFigures(left, rules, q3, '2026-08-20');
    expect(f).toMatchObject({ workers: 3, supportedWorkers: 3 });
    expect(f.monthsWorked).toBeGreaterThan(5); // their July and August still count as worked
    const recent = worker(6, { startDate: '2026-07-01', monthlyIncome: 400 });
    expect(quarterFigures([recent], rules, q3, '2026-08-20')).toMatchObject({
      workers: 1,
      supportedWorkers: 0,
    });
    const paid = worker(7, { startDate: '2026-07-01', monthlyIncome: 420 });
    expect(quarterFigures([paid], rules, q3, '2026-08-20').supportedWorkers).toBe(1);
  });

  it('only the configured households count', () => {
    const narrow = { ...rules, supportedMonitoringStatuses: ['unstable' as const] };
    const mixed = [worker(1, { householdStatus: 'unstable' }), worker(2)];
    expect(quarterFigures(mixed, narrow, q3, '2026-08-20')).toMatchObject({
      workers: 2,
      supportedWorkers: 1,
    });
  });

  it('the buffer runs from the first day below; past it the workshop is cleared, and stays cleared', () => {
    const before = { state: 'pending' as const, pendingSince: '2026-03-10' };
    expect(judged(five.slice(0, 2), { before, asOf: '2026-09-10' })).toMatchObject({
      state: 'pending',
      bufferUntil: '2026-09-10',
    });
    expect(judged(five.slice(0, 2), { before, asOf: '2026-09-11' }).state).toBe('cleared');
    expect(judged(five, { before: { state: 'cleared', pendingSince: '2026-03-10' } }).state).toBe('cleared');
    // Back to the rules inside the buffer: normal, and the next fall starts a new buffer.
    expect(judged(five, { before })).toMatchObject({
      state: 'normal',
      pendingSince: null,
      bufferUntil: null,
    });
  });

  it('a seasonal workshop is normal off-season and judged in season', () => {
    const tea = [3, 4, 5, 6];
    expect(judged([], { seasonalMonths: tea })).toMatchObject({ state: 'normal', offSeason: true });
    const q2 = quarterOf('2026-05-02');
    expect(
      judge({
        rules,
        figures: { supportedWorkers: 0 },
        insuranceYuanPerWorkerMonth: 20,
        seasonalMonths: tea,
        quarter: q2,
        asOf: '2026-05-02',
        before: null,
      }).state,
    ).toBe('pending');
  });

  it('a jurisdiction overrides one key and keeps the others', () => {
    const doc = {
      default: { workshops: { ...rules } },
      jurisdictions: { '4228': { workshops: { minSupportedWorkers: 8 } } },
    };
    const parsed = parseProgrammeSection(doc, 'workshops', parseWorkshopRules);
    expect(programmeRulesFor(parsed, '422802107')).toMatchObject({ minSupportedWorkers: 8, bufferMonths: 6 });
    expect(programmeRulesFor(parsed, '520000000').minSupportedWorkers).toBe(5);
    expect(() =>
      parseProgrammeSection(
        { default: { workshops: { ...rules, minSupportedWorker: 3 } } },
        'workshops',
        parseWorkshopRules,
      ),
    ).toThrow(/default\.workshops\.minSupportedWorker is not a known key/);
  });

  it('the upgrade checklist counts supported workers a year in at 20,000 a year, and the operating year', () => {
    const long = Array.from({ length: 10 }, (_, i) =>
      worker(i, { startDate: '2025-06-01', monthlyIncome: 1700 }),
    );
    const list = upgradeChecklist(long, rules, '2025-05-01', '2026-08-20');
    expect(list).toEqual([
      { item: 'long_term_workers', required: 10, actual: 10, met: true },
      { item: 'paid_workers', required: 10, actual: 10, met: true },
      { item: 'operating_months', required: 12, actual: 15, met: true },
      { item: 'revenue', required: 500000, actual: null, met: null },
    ]);
    long[0].monthlyIncome = 1600; // 19,200 a year
    expect(upgradeChecklist(long, rules, '2025-05-01', '2026-08-20')[1]).toMatchObject({
      actual: 9,
      met: false,
    });
  });
});
