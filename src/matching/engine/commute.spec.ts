import fc from 'fast-check';
import { buildCandidateSet } from './candidate-set';
import { tripFitsShift } from './compiled-posting';
import { compilePosting, hardFilterFailure, rankPosting, residentIndex } from './index';
import { SITES, SKILL_CODES, SKILL_NAMES, TODAY, posting, resident, testConfig } from './testing/fixtures';
import type { PostingProfile, ResidentInput, SiteTrip, TravelLookup } from './types';

// The engine decides on minutes (issue 16): reach, the distance component and the shift filter
// read the trip the loader's planner found, per site; these specs hand it a fixed trip.
const config = testConfig();
const teaSkills = [
  { code: 'tea.picking', level: 3 },
  { code: 'tea.processing', level: 3 },
];

function trip(minutes: number | null, o: Partial<SiteTrip> = {}): SiteTrip {
  return {
    minutes,
    source: minutes === null ? 'unknown' : 'measured',
    mode: minutes === null ? null : 'bus',
    firstDeparture: null,
    lastReturn: null,
    text: null,
    ...o,
  };
}

const everywhere =
  (t: SiteTrip): TravelLookup =>
  () =>
    t;

function limitOf(minutes: number | null, o: Partial<ResidentInput['preferences']> = {}) {
  return { industries: [], schedules: [], willingToWorkAway: false, maxCommuteMinutes: minutes, ...o };
}

function rank(residents: ResidentInput[], p: PostingProfile, travel: TravelLookup) {
  return rankPosting(p, buildCandidateSet(residents, SKILL_CODES, SITES), config, {
    today: TODAY,
    minScore: 0,
    skillNames: SKILL_NAMES,
    travel,
  });
}

function failure(r: ResidentInput, p: PostingProfile, travel: TravelLookup) {
  const cs = buildCandidateSet([r], SKILL_CODES, SITES);
  return hardFilterFailure(compilePosting(p, cs, config, { today: TODAY, travel }), residentIndex(cs, r.id));
}

describe('commute in minutes', () => {
  const bus70 = everywhere(trip(70));

  it('a 70-minute bus is too long for a resident who accepts 45 and fine for one who accepts 90', () => {
    const short = resident('r45', { skills: teaSkills, preferences: limitOf(45) });
    const long = resident('r90', { skills: teaSkills, preferences: limitOf(90) });
    expect(failure(short, posting('p1'), bus70)).toBe('commute');
    const [m, ...rest] = rank([short, long], posting('p1'), bus70);
    expect(rest).toEqual([]);
    expect(m.residentId).toBe('r90');
    expect(m.travelMinutes).toBe(70);
    expect(m.components.distance).toMatchObject({ minutes: 70, source: 'measured' });
    expect(m.reasons.resident.zh).toContain('公交约 70 分钟');
    expect(m.reasons.officer.zh).toContain('公交约 70 分钟');
    expect(m.reasons.employer.en).toContain('about 70 min by bus');
  });

  it("says the planner's words when the loader passes them", () => {
    const r = resident('r1', { skills: teaSkills, preferences: limitOf(90) });
    const [m] = rank([r], posting('p1'), everywhere(trip(25, { mode: 'shuttle', text: '坐班车约 25 分钟' })));
    expect(m.reasons.resident.zh).toContain('坐班车约 25 分钟');
    expect(m.reasons.resident.en).toContain('about 25 min by shuttle');
  });

  it('gives full distance credit up to fullCreditMinutes, falling to 0 at the resident limit', () => {
    const r = resident('r1', { skills: teaSkills, preferences: limitOf(60) });
    const value = (minutes: number) =>
      rank([r], posting('p1'), everywhere(trip(minutes)))[0].components.distance.value;
    expect(value(config.distance.fullCreditMinutes)).toBe(1);
    const half = (60 + config.distance.fullCreditMinutes) / 2;
    expect(value(half)).toBeCloseTo(0.5, 3);
    expect(value(60)).toBe(0);
  });

  it('uses the configured default for a resident who stated no limit, and converts an older km limit', () => {
    const bare = resident('r1', { skills: teaSkills });
    const dflt = config.distance.defaultMaxCommuteMinutes;
    expect(failure(bare, posting('p1'), everywhere(trip(dflt)))).toBeNull();
    expect(failure(bare, posting('p1'), everywhere(trip(dflt + 1)))).toBe('commute');
    // 20 km at minutesPerKm 2 = 40 minutes; stated minutes win over km.
    const km = resident('r2', { preferences: limitOf(null, { maxCommuteKm: 20 }) });
    expect(failure(km, posting('p1'), everywhere(trip(40)))).toBeNull();
    expect(failure(km, posting('p1'), everywhere(trip(41)))).toBe('commute');
    const both = resident('r3', { preferences: limitOf(30, { maxCommuteKm: 20 }) });
    expect(failure(both, posting('p1'), everywhere(trip(35)))).toBe('commute');
  });

  it('an unknown trip is neither near nor too far: the unknown share, and the reason says so', () => {
    const r = resident('r1', { skills: teaSkills, preferences: limitOf(20) });
    const [m] = rank([r], posting('p1'), everywhere(trip(null)));
    expect(m.components.distance).toMatchObject({
      value: config.unknown.share,
      minutes: null,
      source: 'unknown',
    });
    expect(m.facts.unknown).toContain('distance');
    expect(m.reasons.resident.zh).toContain('通勤时间未知');
  });

  it('excludes a 7:00 shift the first bus (7:30) cannot reach, with its reason', () => {
    const r = resident('r1', { skills: teaSkills, preferences: limitOf(90) });
    const bus = everywhere(trip(70, { firstDeparture: 7 * 60 + 30, lastReturn: 18 * 60 }));
    expect(failure(r, posting('p1', { shiftStart: 7 * 60, shiftEnd: 12 * 60 }), bus)).toBe('shift');
    // The 9:00 shift is reached (7:30 + 70 min = 8:40); one ending at 18:00 still catches the last
    // bus back (it leaves at 18:00), one ending at 18:30 does not.
    expect(failure(r, posting('p1', { shiftStart: 9 * 60, shiftEnd: 18 * 60 }), bus)).toBeNull();
    expect(failure(r, posting('p1', { shiftStart: 9 * 60, shiftEnd: 18 * 60 + 30 }), bus)).toBe('shift');
    // No shift times, or a trip without a timetable: nothing to miss.
    expect(failure(r, posting('p1'), bus)).toBeNull();
    expect(
      failure(r, posting('p1', { shiftStart: 7 * 60 }), everywhere(trip(70, { mode: 'ebike' }))),
    ).toBeNull();
  });

  it('keeps the away-with-accommodation rule for a long trip or a missed shift', () => {
    const away = resident('r1', { skills: teaSkills, preferences: limitOf(30, { willingToWorkAway: true }) });
    const far = everywhere(trip(200, { firstDeparture: 9 * 60 }));
    expect(failure(away, posting('p1'), far)).toBe('commute');
    const p = posting('p1', { accommodation: true, shiftStart: 7 * 60 });
    const [m] = rank([away], p, far);
    expect(m.components.distance.value).toBe(config.distance.awayWithAccommodationCredit);
    expect(m.reasons.resident.zh).toContain('提供住宿');
    expect(m.reasons.resident.zh).not.toContain('分钟');
  });

  it('reads the trip per site: the site with the shuttle reaches, the other does not', () => {
    const north = resident('r-north', { siteId: 'site-north', skills: teaSkills, preferences: limitOf(45) });
    const here = resident('r-here', { skills: teaSkills, preferences: limitOf(45) });
    const bySite: TravelLookup = (siteId) =>
      siteId === 'site-north' ? trip(70) : trip(25, { mode: 'shuttle' });
    expect(rank([north, here], posting('p1'), bySite).map((m) => m.residentId)).toEqual(['r-here']);
  });

  it('tripFitsShift: first departure + trip ≤ start, end ≤ when the last return leaves', () => {
    const t = { minutes: 30, firstDeparture: 6 * 60, lastReturn: 19 * 60 };
    expect(tripFitsShift(t, 6 * 60 + 30, 19 * 60)).toBe(true);
    expect(tripFitsShift(t, 6 * 60 + 29, null)).toBe(false);
    expect(tripFitsShift(t, null, 19 * 60 + 1)).toBe(false);
    expect(tripFitsShift({ ...t, minutes: null }, 0, 24 * 60)).toBe(true);
  });
});

describe('commute properties', () => {
  const prefs = fc.record({
    maxCommuteMinutes: fc.option(fc.integer({ min: 5, max: 240 })),
    willingToWorkAway: fc.boolean(),
  });
  const trips = fc.record({
    minutes: fc.integer({ min: 0, max: 300 }),
    firstDeparture: fc.option(fc.integer({ min: 300, max: 600 })),
    lastReturn: fc.option(fc.integer({ min: 900, max: 1380 })),
  });
  const shifts = fc.record({
    shiftStart: fc.option(fc.integer({ min: 300, max: 720 })),
    shiftEnd: fc.option(fc.integer({ min: 720, max: 1320 })),
    accommodation: fc.boolean(),
  });

  it('a shorter trip never lowers the score nor excludes a resident the longer one kept', () => {
    fc.assert(
      fc.property(prefs, trips, fc.integer({ min: 0, max: 120 }), shifts, (pr, t, cut, sh) => {
        const r = resident('r1', { skills: teaSkills, preferences: limitOf(pr.maxCommuteMinutes, pr) });
        const p = posting('p1', sh);
        const long = rank([r], p, everywhere(trip(t.minutes, t)));
        const short = rank([r], p, everywhere(trip(Math.max(0, t.minutes - cut), t)));
        if (long.length) {
          expect(short).toHaveLength(1);
          expect(short[0].score).toBeGreaterThanOrEqual(long[0].score);
        }
      }),
    );
  });

  it('a resident whose limit is below the trip, or whose shift the timetable misses, is only kept to work away', () => {
    fc.assert(
      fc.property(prefs, trips, shifts, (pr, t, sh) => {
        const r = resident('r1', { skills: teaSkills, preferences: limitOf(pr.maxCommuteMinutes, pr) });
        const limit = pr.maxCommuteMinutes ?? config.distance.defaultMaxCommuteMinutes;
        const fits = tripFitsShift(trip(t.minutes, t), sh.shiftStart, sh.shiftEnd);
        const kept = rank([r], posting('p1', sh), everywhere(trip(t.minutes, t))).length === 1;
        if (t.minutes > limit || !fits) expect(kept).toBe(sh.accommodation && pr.willingToWorkAway);
        else expect(kept).toBe(true);
      }),
    );
  });
});
