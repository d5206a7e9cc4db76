import { buildCandidateSet } from './candidate-set';
import { rankPosting } from './rank';
import { DEG_PER_KM, SITES, SKILL_CODES, TODAY, posting, resident } from './testing/fixtures';
import { config, failure, rank, teaSkills } from './testing/rank-helpers';
import type { PostingProfile, ResidentInput } from './types';

describe('hard filters', () => {
  it('keeps a resident who passes every filter', () => {
    expect(failure(resident('r1'))).toBeNull();
  });

  it('excludes residents not seeking work or without labour capacity', () => {
    expect(failure(resident('r1', { employmentStatus: 'employed' }))).toBe('not_seeking');
    expect(failure(resident('r1', { employmentStatus: 'not_seeking' }))).toBe('not_seeking');
    expect(failure(resident('r1', { laborCapacity: 'none' }))).toBe('no_labor_capacity');
    expect(failure(resident('r1', { laborCapacity: 'partial' }))).toBeNull();
  });

  it('checks lawful age on the start date, the posting range and the public-welfare limit', () => {
    // 16 on 2026-04-01 exactly: lawful; one day younger: not.
    expect(failure(resident('r1', { birthDate: '2010-04-01' }))).toBeNull();
    expect(failure(resident('r1', { birthDate: '2010-04-02' }))).toBe('age');
    expect(failure(resident('r1', { birthDate: null }))).toBe('age');
    const welfare = posting('p1', { publicWelfare: true });
    // Turns 61 on 2026-04-01 → over 60; one day later birth → still 60.
    expect(failure(resident('r1', { birthDate: '1965-04-01' }), welfare)).toBe('age');
    expect(failure(resident('r1', { birthDate: '1965-04-02' }), welfare)).toBeNull();
    const ranged = posting('p1', { ageMin: 18, ageMax: 45 });
    expect(failure(resident('r1', { birthDate: '2009-01-01' }), ranged)).toBe('age');
    expect(failure(resident('r1', { birthDate: '1980-01-01' }), ranged)).toBe('age');
    expect(failure(resident('r1', { birthDate: '1990-01-01' }), ranged)).toBeNull();
  });

  it('requires certificates held and valid on the start date (today when there is none)', () => {
    const p = posting('p1', { requiredCertificates: ['health'] });
    expect(failure(resident('r1'), p)).toBe('certificate');
    expect(failure(resident('r1', { certificates: [{ type: 'health', expiresAt: '2026-03-31' }] }), p)).toBe(
      'certificate',
    );
    expect(
      failure(resident('r1', { certificates: [{ type: 'health', expiresAt: '2026-04-01' }] }), p),
    ).toBeNull();
    expect(failure(resident('r1', { certificates: [{ type: 'health' }] }), p)).toBeNull();
    const noStart = posting('p1', { requiredCertificates: ['health'], startDate: null });
    expect(
      failure(resident('r1', { certificates: [{ type: 'health', expiresAt: '2026-03-15' }] }), noStart),
    ).toBeNull();
  });

  it('treats an empty schedule preference as no restriction, a non-matching one as exclusion', () => {
    const prefs = (schedules: ResidentInput['preferences']['schedules']) => ({
      preferences: { industries: [], schedules, willingToWorkAway: false },
    });
    expect(failure(resident('r1', prefs(['part_time'])))).toBe('schedule');
    expect(failure(resident('r1', prefs(['part_time', 'full_time'])))).toBeNull();
    expect(failure(resident('r1', prefs([])))).toBeNull();
  });

  it('limits the commute to the resident maximum (config default when unstated) unless they work away', () => {
    const at = (km: number, o: Partial<PostingProfile> = {}) =>
      posting('p1', { latitude: SITES[0].latitude + km * DEG_PER_KM, ...o });
    expect(failure(resident('r1'), at(14.9))).toBeNull();
    expect(failure(resident('r1'), at(15.1))).toBe('commute');
    const near = { industries: [], schedules: [], willingToWorkAway: false, maxCommuteKm: 5 };
    expect(failure(resident('r1', { preferences: near }), at(6))).toBe('commute');
    expect(failure(resident('r1', { preferences: near }), at(6, { accommodation: true }))).toBe('commute');
    const away = { ...near, willingToWorkAway: true };
    expect(failure(resident('r1', { preferences: away }), at(60, { accommodation: true }))).toBeNull();
    expect(failure(resident('r1', { preferences: away }), at(60))).toBe('commute');
  });

  it('excludes non-consenting residents only when the caller asks', () => {
    const cs = buildCandidateSet([resident('r1', { consentToShare: false })], SKILL_CODES, SITES);
    expect(rankPosting(posting('p1'), cs, config, { today: TODAY })).toHaveLength(1);
    expect(rankPosting(posting('p1'), cs, config, { today: TODAY, onlyConsenting: true })).toHaveLength(0);
  });
});

describe('fit score', () => {
  it('gives an empty profile 0 skill points and the unknown share for what it did not state', () => {
    const [m] = rank([resident('r1')]);
    expect(m.components.skills).toEqual({ value: 0, points: 0 });
    // The posting lists no preferred skill: the component does not apply (no points, no weight).
    expect(m.components.preferredSkills).toEqual({ value: 0, points: 0 });
    // Schedule, industry and wage not stated: half credit (config unknown.share), never full.
    expect(m.components.schedule.value).toBe(0.5);
    expect(m.components.industry.value).toBe(0.5);
    // 120–180 a day × 22 reaches the local minimum (1,650): the unknown share in full.
    expect(m.components.wage.value).toBe(0.5);
    expect(m.facts.unknown).toEqual(['wage', 'schedule', 'industry']);
    // Weights that apply: 40 + 20 + 10 + 8 + 7 + 5 = 90, rescaled to 100.
    const dist = (15 - 3.2) / 13;
    expect(m.score).toBeCloseTo((100 * (20 * dist + 0.5 * (10 + 8 + 7))) / 90, 0);
  });

  it('gives partial credit for a skill below the required level', () => {
    const [m] = rank([
      resident('r1', {
        skills: [
          { code: 'tea.picking', level: 1 },
          { code: 'tea.processing', level: 2 },
        ],
      }),
    ]);
    // (0.5 × 1/2 + 1) / 2, of 40 points rescaled by 100/90 (no preferred skills listed)
    expect(m.components.skills.value).toBe(0.625);
    expect(m.components.skills.points).toBeCloseTo((25 * 100) / 90, 1);
    expect(m.requiredSkillsMet).toEqual(['tea.processing']);
  });

  it('compares daily wages as a monthly equivalent and does not compare piece rates', () => {
    const wants = (wageMin: number, wageUnit?: 'day' | 'month') =>
      resident('r1', {
        preferences: { industries: [], schedules: [], willingToWorkAway: false, wageMin, wageUnit },
      });
    // 120 yuan a day × 22 = 2640 a month ≥ 2600
    expect(rank([wants(2600)])[0].components.wage.value).toBe(1);
    // the range 2640–3960 reaches 3000
    expect(rank([wants(3000)])[0].components.wage.value).toBe(0.75);
    expect(rank([wants(130, 'day')])[0].components.wage.value).toBe(0.75);
    expect(rank([wants(8000)])[0].components.wage.value).toBe(0);
    const piece = posting('p1', { wage: { min: 1, max: 2, unit: 'piece' } });
    const [m] = rank([wants(2000)], piece);
    expect(m.components.wage.value).toBe(0.5);
    expect(m.facts.wage).toBe('piece');
  });

  it('compares the pay with the local minimum when the resident stated none', () => {
    // 60–70 a day × 22 = 1,320–1,540 < 1,650: below the floor, part of the unknown share.
    const low = posting('p1', { wage: { min: 60, max: 70, unit: 'day' } });
    const [m] = rank([resident('r1')], low);
    expect(m.components.wage.value).toBeLessThan(0.5);
    expect(m.components.wage.value).toBeGreaterThan(0);
    expect(m.facts.wageBelowFloor).toBe(true);
  });

  it('scores 100 when the resident meets everything the posting asks', () => {
    const [m] = rank(
      [
        resident('r1', {
          skills: teaSkills,
          preferences: {
            industries: ['tea'],
            schedules: ['full_time'],
            willingToWorkAway: false,
            wageMin: 2000,
          },
          experienceIndustries: ['tea'],
        }),
      ],
      posting('p1', { shuttle: true }),
    );
    expect(m.score).toBe(100);
  });

  it('still counts a missing preferred skill against the score', () => {
    const full = resident('r1', {
      skills: teaSkills,
      preferences: { industries: ['tea'], schedules: ['full_time'], willingToWorkAway: false, wageMin: 2000 },
      experienceIndustries: ['tea'],
    });
    const [m] = rank(
      [full],
      posting('p1', { preferredSkills: [{ code: 'tea.planting', minLevel: 1 }], shuttle: true }),
    );
    expect(m.components.preferredSkills.value).toBe(0);
    expect(m.score).toBe(90);
  });
});
