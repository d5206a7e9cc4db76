import fc from 'fast-check';
import { buildCandidateSet } from './candidate-set';
import { distanceKm } from './geo';
import { rankPosting } from './rank';
import { DEG_PER_KM, SITES, SKILL_CODES, TODAY, testConfig } from './testing/fixtures';
import {
  COMPONENT_NAMES,
  INDUSTRIES,
  SCHEDULES,
  type MonitoringStatus,
  type PostingProfile,
  type ResidentInput,
} from './types';

const config = testConfig();
const CERTS = ['health', 'driving.c1', 'electrician'];
const dateArb = (from: number, to: number) =>
  fc
    .integer({ min: from, max: to })
    .chain((y) =>
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
        .map(([m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );

const skillArb = fc.record({ code: fc.constantFrom(...SKILL_CODES), level: fc.integer({ min: 1, max: 4 }) });
const reqSkillArb = fc.record({
  code: fc.constantFrom(...SKILL_CODES),
  minLevel: fc.integer({ min: 1, max: 4 }),
});

const residentArb = (id: string): fc.Arbitrary<ResidentInput> =>
  fc.record({
    id: fc.constant(id),
    siteId: fc.constantFrom(...SITES.map((s) => s.id)),
    birthDate: fc.option(dateArb(1950, 2012), { freq: 10 }),
    employmentStatus: fc.constantFrom(
      'employed',
      'unemployed',
      'unemployed',
      'unemployed',
      'not_seeking',
      'student',
    ),
    laborCapacity: fc.constantFrom('full', 'full', 'partial', 'none'),
    skills: fc.array(skillArb, { maxLength: 5 }),
    certificates: fc.array(
      fc.record({ type: fc.constantFrom(...CERTS), expiresAt: fc.option(dateArb(2025, 2028)) }),
      { maxLength: 2 },
    ),
    preferences: fc.record({
      industries: fc.subarray([...INDUSTRIES], { maxLength: 3 }),
      wageMin: fc.option(fc.integer({ min: 500, max: 8000 })),
      wageUnit: fc.constantFrom('month' as const, 'day' as const),
      schedules: fc.subarray([...SCHEDULES], { maxLength: 3 }),
      maxCommuteKm: fc.option(fc.integer({ min: 0, max: 60 })),
      willingToWorkAway: fc.boolean(),
    }),
    experienceIndustries: fc.subarray([...INDUSTRIES], { maxLength: 2 }),
    lastTrainingCompletedAt: fc.option(dateArb(2024, 2026)),
    consentToShare: fc.boolean(),
    household: fc.record({
      zeroEmployment: fc.boolean(),
      monitoringStatus: fc.constantFrom<MonitoringStatus>('none', 'unstable', 'marginal', 'hardship'),
    }),
  });

const residentsArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => residentArb(`r${String(i).padStart(2, '0')}`))),
  );

const postingArb: fc.Arbitrary<PostingProfile> = fc.record({
  id: fc.constant('p1'),
  version: fc.constant(1),
  industry: fc.constantFrom(...INDUSTRIES),
  requiredSkills: fc.uniqueArray(reqSkillArb, { maxLength: 4, selector: (s) => s.code }),
  preferredSkills: fc.uniqueArray(reqSkillArb, { maxLength: 2, selector: (s) => s.code }),
  requiredCertificates: fc.subarray(CERTS, { maxLength: 1 }),
  wage: fc
    .tuple(
      fc.integer({ min: 50, max: 6000 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.constantFrom('month', 'day', 'hour', 'piece'),
    )
    .map(([min, extra, unit]) => ({ min, max: min + extra, unit: unit })),
  schedule: fc.constantFrom(...SCHEDULES),
  latitude: fc.double({ min: -40, max: 40, noNaN: true }).map((km) => SITES[0].latitude + km * DEG_PER_KM),
  longitude: fc.constant(SITES[0].longitude),
  accommodation: fc.boolean(),
  shuttle: fc.boolean(),
  publicWelfare: fc.boolean(),
  ageMin: fc.option(fc.integer({ min: 14, max: 30 })),
  ageMax: fc.option(fc.integer({ min: 35, max: 70 })),
  startDate: fc.option(dateArb(2026, 2027)),
});

function rankAll(residents: ResidentInput[], p: PostingProfile, cfg = config) {
  return rankPosting(p, buildCandidateSet(residents, SKILL_CODES, SITES), cfg, {
    today: TODAY,
    topN: 1000,
    minScore: 0,
  });
}

/** Independent, plain-object statement of the hard filters (not the engine's code). */
function passesHardFilters(r: ResidentInput, p: PostingProfile): boolean {
  if (r.laborCapacity === 'none' || r.employmentStatus !== 'unemployed') return false;
  const start = p.startDate ?? TODAY;
  if (!r.birthDate) return false;
  const [by, bm, bd] = r.birthDate.toString().split('-').map(Number);
  const [sy, sm, sd] = start.toString().split('-').map(Number);
  const age = sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
  const min = Math.max(16, p.ageMin ?? 0);
  const max = Math.min(p.ageMax ?? Infinity, p.publicWelfare ? 60 : Infinity);
  if (age < min || age > max) return false;
  if (r.preferences.schedules.length > 0 && !r.preferences.schedules.includes(p.schedule)) return false;
  const site = SITES.find((s) => s.id === r.siteId)!;
  const d = distanceKm(site.latitude, site.longitude, p.latitude, p.longitude);
  const limit = r.preferences.maxCommuteKm ?? 15;
  if (d > limit && !(p.accommodation && r.preferences.willingToWorkAway)) return false;
  for (const t of p.requiredCertificates) {
    const ok = r.certificates.some(
      (c) => c.type === t && (c.expiresAt == null || String(c.expiresAt) >= String(start)),
    );
    if (!ok) return false;
  }
  return true;
}

describe('matching engine properties', () => {
  it('scores and components stay in range (score 0–100, components 0–1, points sum to the score)', () => {
    fc.assert(
      fc.property(residentsArb, postingArb, (residents, p) => {
        for (const m of rankAll(residents, p)) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(100);
          let sum = 0;
          for (const c of COMPONENT_NAMES) {
            expect(m.components[c].value).toBeGreaterThanOrEqual(0);
            expect(m.components[c].value).toBeLessThanOrEqual(1);
            sum += m.components[c].points;
          }
          expect(Math.abs(sum - m.score)).toBeLessThan(0.2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('excludes exactly the residents who fail a hard filter', () => {
    let kept = 0;
    let excluded = 0;
    fc.assert(
      fc.property(residentsArb, postingArb, (residents, p) => {
        const ranked = new Set(rankAll(residents, p).map((m) => m.residentId));
        for (const r of residents) {
          const passes = passesHardFilters(r, p);
          expect(ranked.has(r.id)).toBe(passes);
          if (passes) kept++;
          else excluded++;
        }
      }),
      { numRuns: 400 },
    );
    // The generators must exercise both sides.
    expect(kept).toBeGreaterThan(100);
    expect(excluded).toBeGreaterThan(100);
  });

  it('a resident who is not seeking work or has no labour capacity is never ranked', () => {
    fc.assert(
      fc.property(residentArb('x'), postingArb, fc.boolean(), (r, p, employed) => {
        const out = employed
          ? { ...r, employmentStatus: 'employed' as const }
          : { ...r, laborCapacity: 'none' as const };
        expect(rankAll([out], p)).toEqual([]);
      }),
    );
  });

  it('adding a required skill the resident holds at the required level never lowers the score', () => {
    fc.assert(
      fc.property(
        residentArb('x').filter((r) => r.skills.length > 0),
        postingArb,
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        (r, p, pick, lvl) => {
          const held = r.skills[pick % r.skills.length];
          const level = Math.max(...r.skills.filter((s) => s.code === held.code).map((s) => s.level));
          if (p.requiredSkills.some((s) => s.code === held.code)) return;
          const before = rankAll([r], p);
          const more = {
            ...p,
            requiredSkills: [...p.requiredSkills, { code: held.code, minLevel: Math.min(lvl, level) }],
          };
          const after = rankAll([r], more);
          expect(after.length).toBe(before.length);
          if (before.length === 1) expect(after[0].score).toBeGreaterThanOrEqual(before[0].score);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the same input gives the same ranking, whatever the order of the candidates', () => {
    fc.assert(
      fc.property(
        residentsArb.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        postingArb,
        fc.integer({ min: 1, max: 30 }),
        ([residents, shuffled], p, topN) => {
          const cs = (rs: ResidentInput[]) => buildCandidateSet(rs, SKILL_CODES, SITES);
          const opts = { today: TODAY, topN, minScore: 0 };
          const a = rankPosting(p, cs(residents), config, opts);
          expect(rankPosting(p, cs(residents), config, opts)).toEqual(a);
          expect(rankPosting(p, cs(shuffled), config, opts)).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('household priority never changes the fit score or its components', () => {
    const priorityConfig = testConfig({
      priority: { zeroEmployment: 100, unstable: 90, marginal: 80, hardship: 70, max: 100 },
      ranking: { order: 'blend', blendPointsPerPriority: 1 },
    });
    fc.assert(
      fc.property(
        residentArb('x'),
        postingArb,
        fc.boolean(),
        fc.constantFrom<MonitoringStatus>('none', 'unstable', 'marginal', 'hardship'),
        (r, p, zeroEmployment, monitoringStatus) => {
          const base = rankAll([r], p);
          const other = rankAll(
            [{ ...r, household: { zeroEmployment, monitoringStatus } }],
            p,
            priorityConfig,
          );
          expect(other.length).toBe(base.length);
          if (base.length === 1) {
            expect(other[0].score).toBe(base[0].score);
            expect(other[0].components).toEqual(base[0].components);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an empty skill profile earns 0 skill points for any posting', () => {
    fc.assert(
      fc.property(residentArb('x'), postingArb, (r, p) => {
        const [m] = rankAll([{ ...r, skills: [] }], p);
        if (m) {
          expect(m.components.skills.points).toBe(0);
          expect(m.components.preferredSkills.points).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The one resident who meets everything the posting asks (seeking, near, skills, pay, hours, industry). */
function meetsEverything(p: PostingProfile, base: ResidentInput): ResidentInput {
  const start = String(p.startDate ?? TODAY);
  const age = Math.max(16, p.ageMin ?? 0) + 1;
  const birthYear = Number(start.slice(0, 4)) - age - 1;
  return {
    ...base,
    siteId: 'site-wendou',
    birthDate: `${birthYear}-01-01`,
    employmentStatus: 'unemployed',
    laborCapacity: 'full',
    skills: [...p.requiredSkills, ...p.preferredSkills].map((s) => ({ code: s.code, level: s.minLevel })),
    certificates: p.requiredCertificates.map((type) => ({ type })),
    preferences: {
      industries: [p.industry],
      wageMin: 1,
      wageUnit: 'month',
      schedules: [p.schedule],
      maxCommuteKm: null,
      willingToWorkAway: false,
    },
    experienceIndustries: [p.industry],
  };
}

/** A posting 0–2 km from the site (full distance credit), with an exact location and a comparable wage. */
const nearPostingArb = fc
  .tuple(postingArb, fc.double({ min: 0, max: 1.9, noNaN: true }), fc.constantFrom('month', 'day', 'hour'))
  .map(([p, km, unit]) => ({
    ...p,
    latitude: SITES[0].latitude + km * DEG_PER_KM,
    wage: { ...p.wage, unit: unit },
    // An age range the resident of meetsEverything fits (the property is about the score).
    ageMax: p.ageMax == null ? null : Math.max(p.ageMax, Math.max(16, p.ageMin ?? 0) + 2),
    publicWelfare: false,
    // Preferred skills never repeat a required one with another level.
    preferredSkills: p.preferredSkills.filter((s) => !p.requiredSkills.some((q) => q.code === s.code)),
  }));

describe('score semantics (issue 11)', () => {
  it('a resident who meets everything asked scores 100, whatever the posting asks or leaves out', () => {
    fc.assert(
      fc.property(residentArb('x'), nearPostingArb, (r, p) => {
        const [m] = rankAll([meetsEverything(p, r)], p);
        expect(m).toBeDefined();
        expect(m.score).toBe(100);
      }),
      { numRuns: 400 },
    );
  });

  it('adding to a posting a requirement the resident meets never lowers the score', () => {
    const kinds = ['required', 'preferred', 'certificate', 'age'] as const;
    fc.assert(
      fc.property(
        residentArb('x').filter((r) => r.skills.length > 0 && r.birthDate !== null),
        postingArb,
        fc.constantFrom(...kinds),
        fc.nat(),
        (r, p, kind, pick) => {
          const held = r.skills[pick % r.skills.length];
          const level = Math.max(...r.skills.filter((s) => s.code === held.code).map((s) => s.level));
          const asked = [...p.requiredSkills, ...p.preferredSkills];
          let more: PostingProfile;
          if (kind === 'required' || kind === 'preferred') {
            if (asked.some((s) => s.code === held.code)) return;
            const key = kind === 'required' ? 'requiredSkills' : 'preferredSkills';
            more = { ...p, [key]: [...p[key], { code: held.code, minLevel: level }] };
          } else if (kind === 'certificate') {
            const valid = r.certificates.find(
              (c) => c.expiresAt == null || String(c.expiresAt) >= String(p.startDate ?? TODAY),
            );
            if (!valid || p.requiredCertificates.includes(valid.type)) return;
            more = { ...p, requiredCertificates: [...p.requiredCertificates, valid.type] };
          } else {
            more = { ...p, ageMin: Math.max(p.ageMin ?? 0, 16) };
          }
          const before = rankAll([r], p);
          const after = rankAll([r], more);
          if (before.length === 1 && after.length === 1)
            expect(after[0].score).toBeGreaterThanOrEqual(before[0].score);
          if (kind !== 'age') expect(after.length).toBe(before.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an unknown never earns what a known match earns (component by component)', () => {
    fc.assert(
      fc.property(residentArb('x'), postingArb, (r, p) => {
        const unstated = {
          ...r,
          preferences: { ...r.preferences, wageMin: null, schedules: [], industries: [] },
          experienceIndustries: [],
        };
        const [m] = rankAll([unstated], { ...p, locationApproximate: true });
        if (!m) return;
        for (const c of ['wage', 'schedule', 'industry', 'distance'] as const)
          expect(m.components[c].value).toBeLessThan(1);
        expect(m.facts.unknown).toEqual(['wage', 'schedule', 'industry', 'distance']);
      }),
      { numRuns: 300 },
    );
  });

  it('removing a stated, met preference never raises the score above the resident who states it', () => {
    const prefs = ['wage', 'schedule', 'industry', 'experience'] as const;
    fc.assert(
      fc.property(
        residentArb('x'),
        nearPostingArb,
        fc.subarray([...prefs], { minLength: 1 }),
        (r, p, drop) => {
          const states = meetsEverything(p, r);
          const removed: ResidentInput = {
            ...states,
            preferences: {
              ...states.preferences,
              wageMin: drop.includes('wage') ? null : states.preferences.wageMin,
              schedules: drop.includes('schedule') ? [] : states.preferences.schedules,
              industries: drop.includes('industry') ? [] : states.preferences.industries,
            },
            experienceIndustries: drop.includes('experience') ? [] : states.experienceIndustries,
          };
          const [a] = rankAll([states], p);
          const [b] = rankAll([removed], p);
          expect(b.score).toBeLessThan(a.score);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a posting that asks for no skill can be a strong match for a bare profile nearby', () => {
    fc.assert(
      fc.property(nearPostingArb, (p) => {
        const bare: ResidentInput = {
          ...meetsEverything(p, {} as ResidentInput),
          id: 'bare',
          skills: [],
          certificates: [],
          preferences: { industries: [], schedules: [], willingToWorkAway: false },
          experienceIndustries: [],
          lastTrainingCompletedAt: null,
          consentToShare: true,
          household: { zeroEmployment: false, monitoringStatus: 'none' },
        };
        const open = { ...p, requiredSkills: [], preferredSkills: [], requiredCertificates: [] };
        // Pays at least the local minimum (1,650 a month): the unknown share in full.
        const fair = { ...open, wage: { min: 3000, max: 3800, unit: 'month' as const } };
        const [m] = rankAll([bare], fair);
        expect(m.score).toBeGreaterThanOrEqual(config.thresholds.strongMatch);
      }),
      { numRuns: 100 },
    );
  });
});
