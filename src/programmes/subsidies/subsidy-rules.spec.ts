import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { programmeRulesFor } from '../programmes-config';
import { parseSubsidiesConfig, type SubsidyRules } from './subsidies-config';
import { addMonths, parsePeriod, periodOf } from './subsidy-periods';
import {
  destinationOf,
  eligibility,
  monthsWorked,
  publicWelfareWage,
  type Facts,
  type PlacementFacts,
} from './subsidy-rules';

const doc = parse(readFileSync(join(__dirname, '../../../config/programmes.yaml'), 'utf8')) as Record<
  string,
  unknown
>;
const rules: SubsidyRules = parseSubsidiesConfig(doc).default;
const MIN_WAGE = 1650;

const resident = (over: Partial<Facts['resident']> = {}): Facts['resident'] => ({
  id: 'r1',
  name: '田秀英',
  householdId: 'h1',
  monitoringStatus: 'none',
  employmentStatus: 'employed',
  hasNationalId: true,
  registeredOn: '2026-01-05',
  ...over,
});

const away = (over: Partial<PlacementFacts> = {}): PlacementFacts => ({
  id: 'p1',
  residentId: 'r1',
  kind: 'away_from_home',
  partnerCity: '杭州',
  startDate: '2026-03-01',
  endDate: null,
  monthlyIncome: 4200,
  fromHire: false,
  followUps: [
    { date: '2026-04-01', stillEmployed: true },
    { date: '2026-06-02', stillEmployed: true },
  ],
  ...over,
});

const year2026 = parsePeriod('2026', 'year')!;

describe('subsidy periods', () => {
  it('reads years, quarters and months, and refuses the wrong kind', () => {
    expect(parsePeriod('2026-Q3', 'quarter')).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('2028-02', 'month')).toMatchObject({ start: '2028-02-01', end: '2028-02-29' });
    expect(parsePeriod('2026-09', 'year')).toBeNull();
    expect(periodOf('2026-11-30', 'quarter').key).toBe('2026-Q4');
  });
  it('adds months as PostgreSQL does (clamped to the month end)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('transport subsidy', () => {
  it('pays after 3 months vouched by the follow-ups, by destination, with the follow-ups as evidence', () => {
    const e = eligibility(
      rules,
      'transport',
      { resident: resident(), placements: [away()], attendance: [] },
      year2026,
      MIN_WAGE,
    );
    expect(e).toMatchObject({
      amount: 600,
      eligibleSince: '2026-06-01',
      basis: { destination: 'outOfProvince', monthsWorked: 3 },
    });
    expect(e!.provided).toEqual(['national_id', 'follow_up_1m', 'follow_up_3m']);
  });

  it('a follow-up up to 14 days early counts; only the 1-month one is not enough', () => {
    expect(monthsWorked(away({ followUps: [{ date: '2026-05-20', stillEmployed: true }] }), 14)).toBe(3);
    const short = away({ followUps: [{ date: '2026-04-01', stillEmployed: true }] });
    expect(
      eligibility(
        rules,
        'transport',
        { resident: resident(), placements: [short], attendance: [] },
        year2026,
        MIN_WAGE,
      ),
    ).toBeNull();
  });

  it('a follow-up saying the person left vouches for nothing', () => {
    const left = away({ followUps: [{ date: '2026-06-02', stillEmployed: false }] });
    expect(monthsWorked(left, 14)).toBe(0);
  });

  it('in the prefecture and in the province pay their own amounts', () => {
    expect(destinationOf(rules.transport, '恩施市')).toBe('inPrefecture');
    expect(destinationOf(rules.transport, '武汉')).toBe('inProvince');
    expect(destinationOf(rules.transport, '杭州')).toBe('outOfProvince');
  });

  it('a jurisdiction that asks for 4 months changes the answer', () => {
    const strict = parseSubsidiesConfig({
      ...doc,
      jurisdictions: {
        '4228': { subsidies: { transport: { minMonths: 4, amounts: { outOfProvince: 800 } } } },
      },
    });
    const here = programmeRulesFor(strict, '422802107');
    expect(here.transport.amounts).toEqual({ outOfProvince: 800, inProvince: 300, inPrefecture: 200 });
    expect(
      eligibility(
        here,
        'transport',
        { resident: resident(), placements: [away()], attendance: [] },
        year2026,
        MIN_WAGE,
      ),
    ).toBeNull();
  });
});

describe('the other programmes', () => {
  it('job-seeking: students and people out of work in monitored households only', () => {
    const facts = (over: Partial<Facts['resident']>) => ({
      resident: resident(over),
      placements: [],
      attendance: [],
    });
    expect(
      eligibility(
        rules,
        'job_seeking',
        facts({ monitoringStatus: 'marginal', employmentStatus: 'student' }),
        year2026,
        MIN_WAGE,
      ),
    ).toMatchObject({ amount: 1500 });
    expect(
      eligibility(rules, 'job_seeking', facts({ employmentStatus: 'student' }), year2026, MIN_WAGE),
    ).toBeNull();
    expect(
      eligibility(rules, 'job_seeking', facts({ monitoringStatus: 'marginal' }), year2026, MIN_WAGE),
    ).toBeNull();
  });

  it('training allowance: 25 yuan per attended day in the period, subsidised courses only', () => {
    const attendance = [
      {
        residentId: 'r1',
        courseId: 'c1',
        courseTitle: '电工',
        subsidized: true,
        days: ['2026-08-30', '2026-09-01', '2026-09-02'],
      },
      { residentId: 'r1', courseId: 'c2', courseTitle: '茶艺', subsidized: false, days: ['2026-09-03'] },
    ];
    const e = eligibility(
      rules,
      'training_allowance',
      { resident: resident(), placements: [], attendance },
      parsePeriod('2026-09', 'month')!,
      MIN_WAGE,
    );
    expect(e).toMatchObject({ amount: 50, eligibleSince: '2026-09-01', basis: { days: 2 } });
  });

  it('public-welfare wage is held between the minimum wage and 1.3× it, for at most 3 years', () => {
    expect(publicWelfareWage(1200, MIN_WAGE, 1.3)).toBe(1650);
    expect(publicWelfareWage(3000, MIN_WAGE, 1.3)).toBe(2145);
    const post = away({
      kind: 'public_welfare',
      partnerCity: null,
      startDate: '2023-08-15',
      monthlyIncome: 1800,
    });
    const q3 = parsePeriod('2026-Q3', 'quarter')!;
    // The third year ends on 2026-08-14: July and August are paid, September is not.
    expect(
      eligibility(
        rules,
        'public_welfare',
        { resident: resident(), placements: [post], attendance: [] },
        q3,
        MIN_WAGE,
      ),
    ).toMatchObject({
      amount: 3600,
      basis: { monthlyWage: 1800, months: 2, until: '2026-08-14' },
    });
    expect(
      eligibility(
        rules,
        'public_welfare',
        { resident: resident(), placements: [post], attendance: [] },
        parsePeriod('2026-Q4', 'quarter')!,
        MIN_WAGE,
      ),
    ).toBeNull();
  });
});

describe('config/programmes.yaml subsidies', () => {
  it('names the bad key', () => {
    expect(() =>
      parseSubsidiesConfig({
        ...doc,
        jurisdictions: { '42': { subsidies: { transport: { minMonths: 'three' } } } },
      }),
    ).toThrow(/jurisdictions\.42\.subsidies\.transport\.minMonths must be a number/);
    expect(() =>
      parseSubsidiesConfig({
        ...doc,
        jurisdictions: { '42': { subsidies: { exclusiveGroups: [['transport', 'lottery']] } } },
      }),
    ).toThrow(/jurisdictions\.42\.subsidies\.exclusiveGroups\[0\]\[1\]/);
    expect(() => parseSubsidiesConfig({ default: { subsidies: {} } })).toThrow(/claimPeriod is required/);
  });
});
