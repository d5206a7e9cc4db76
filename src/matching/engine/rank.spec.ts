import { buildCandidateSet } from './candidate-set';
import { compilePosting } from './compiled-posting';
import { ENGINE_VERSION } from './engine-version';
import { hardFilterFailure } from './explain';
import { postingListSize, rankPosting, rankPostingBatched } from './rank';
import { buildPostingSet, rankResident, skillGaps } from './rank-resident';
import {
  DEG_PER_KM,
  SITES,
  SKILL_CODES,
  SKILL_NAMES,
  TODAY,
  posting,
  resident,
  testConfig,
} from './testing/fixtures';
import type { PostingProfile, ResidentInput } from './types';

const config = testConfig();

function rank(residents: ResidentInput[], p: PostingProfile = posting('p1'), cfg = config) {
  return rankPosting(p, buildCandidateSet(residents, SKILL_CODES, SITES), cfg, {
    today: TODAY,
    skillNames: SKILL_NAMES,
  });
}

function failure(r: ResidentInput, p: PostingProfile = posting('p1')) {
  const cs = buildCandidateSet([r], SKILL_CODES, SITES);
  return hardFilterFailure(compilePosting(p, cs, config, { today: TODAY }), 0);
}

const teaSkills = [
  { code: 'tea.picking', level: 2 },
  { code: 'tea.processing', level: 3 },
];

describe('reasons per reader', () => {
  it('tells the officer the skills, distance, what is unknown and the household priority', () => {
    const [m] = rank([
      resident('r1', { skills: teaSkills, household: { zeroEmployment: true, monitoringStatus: 'none' } }),
    ]);
    expect(m.reasons.officer.zh).toBe(
      '具备采茶、茶叶加工 2/2 项要求技能；距离 3.2 公里，约 6 分钟（估计）；未填期望工资、班次意向、行业意向；零就业家庭优先',
    );
    expect(m.reasons.officer.en).toBe(
      'Has 2/2 required skills (tea picking, tea processing); 3.2 km away, about 6 min (estimate); ' +
        'not stated: expected pay, preferred hours, preferred industries; zero-employment household priority',
    );
    expect(m.engineVersion).toBe(ENGINE_VERSION);
  });

  it('never tells the employer the household situation, in either language', () => {
    const [m] = rank([
      resident('r1', {
        skills: teaSkills,
        preferences: { industries: [], schedules: ['full_time'], willingToWorkAway: false },
        household: { zeroEmployment: true, monitoringStatus: 'hardship' },
      }),
    ]);
    expect(m.reasons.employer.zh).toBe(
      '具备采茶、茶叶加工 2/2 项要求技能；距离 3.2 公里，约 6 分钟（估计）；愿意做全职',
    );
    expect(m.reasons.employer.en).toBe(
      'Has 2/2 required skills (tea picking, tea processing); 3.2 km away, about 6 min (estimate); available for full-time',
    );
    for (const text of [m.reasons.employer.zh, m.reasons.employer.en])
      expect(text).not.toMatch(/零就业|困难|脱贫|优先|priority|hardship|zero-employment/i);
    expect(m.reasons.officer.zh).toContain('突发严重困难户优先');
  });

  it('speaks to the resident in short sentences without fractions', () => {
    const [m] = rank(
      [resident('r1', { skills: [{ code: 'tea.picking', level: 2 }] })],
      posting('p1', { requiredSkills: [{ code: 'tea.picking', minLevel: 2 }], shuttle: true }),
    );
    expect(m.reasons.resident.zh).toBe(
      '您会采茶，这份工作要的就是这个。离您的安置点 3.2 公里，约 6 分钟（估计）。有班车。',
    );
    expect(m.reasons.resident.en).toBe(
      'You can do tea picking: just what this job needs. 3.2 km from your site, about 6 min (estimate). Shuttle bus.',
    );
    expect(m.reasons.resident.zh).not.toMatch(/\d\/\d/);
  });

  it('calls a skill held below the level asked "not yet at the level", never missing', () => {
    const sewing = posting('p1', {
      industry: 'garments',
      requiredSkills: [{ code: 'sewing.machine', minLevel: 2 }],
    });
    const [m] = rank([resident('r1', { skills: [{ code: 'sewing.machine', level: 1 }] })], sewing);
    expect(m.reasons.resident.zh).toContain('还差：缝纫机操作要熟练（您现在是会一点）');
    expect(m.reasons.officer.zh).toContain('缝纫机操作还没到要求的水平（会一点，要求熟练）');
    expect(m.reasons.employer.zh).toContain('缝纫机操作还没到要求的水平');
    for (const r of Object.values(m.reasons)) expect(r.zh).not.toContain('缺缝纫机操作');
    expect(m.requiredSkillsMissing).toEqual(['sewing.machine']);
  });

  it('says which required skill is missing, the shuttle, pay, training and monitoring status', () => {
    const [m] = rank(
      [
        resident('r1', {
          skills: [{ code: 'tea.picking', level: 4 }],
          preferences: { industries: ['tea'], schedules: [], willingToWorkAway: false, wageMin: 2000 },
          lastTrainingCompletedAt: '2026-01-10',
          household: { zeroEmployment: false, monitoringStatus: 'marginal' },
        }),
      ],
      posting('p1', { shuttle: true }),
    );
    expect(m.reasons.officer.zh).toBe(
      '具备采茶 1/2 项要求技能；缺茶叶加工；距离 3.2 公里，约 6 分钟（估计），有班车；工资达到期望；近期完成培训；未填班次意向；边缘易致贫户优先',
    );
    expect(m.reasons.officer.en).toBe(
      'Has 1/2 required skills (tea picking); lacks tea processing; 3.2 km away, about 6 min (estimate), shuttle from the site; ' +
        'pay meets the expected minimum; recently completed training; not stated: preferred hours; ' +
        'marginal household at risk priority',
    );
    expect(m.reasons.resident.zh).toBe(
      '您会采茶，这份工作用得上。还差：要会茶叶加工（熟练）。离您的安置点 3.2 公里，约 6 分钟（估计）。有班车。工资达到您的期望。',
    );
    expect(m.requiredSkillsMissing).toEqual(['tea.processing']);
  });

  it('mentions accommodation when the resident takes a far post as work away from home', () => {
    const far = posting('p1', { latitude: SITES[0].latitude + 80 * DEG_PER_KM, accommodation: true });
    const [m] = rank(
      [resident('r1', { preferences: { industries: [], schedules: [], willingToWorkAway: true } })],
      far,
    );
    expect(m.reasons.officer.zh).toBe(
      '具备要求技能 0/2；缺采茶、茶叶加工；距离 80.0 公里，提供住宿；未填期望工资、班次意向、行业意向',
    );
    expect(m.components.distance.value).toBe(0.5);
  });

  it('warns officers when the pay is below the local minimum wage, and only them', () => {
    // 70 a day × 22 = 1,540 a month < 1,650 (config wage.localMinimumMonthly).
    const low = posting('p1', { requiredSkills: [], wage: { min: 70, max: 90, unit: 'day' } });
    const [m] = rank([resident('r1')], low);
    expect(m.facts.wageBelowFloor).toBe(true);
    expect(m.reasons.officer.zh).toContain('注意：工资折合每月低于当地最低工资标准 1650 元');
    expect(m.reasons.officer.en).toContain('below the local minimum wage of 1650 yuan');
    expect(m.reasons.employer.zh).not.toContain('最低工资');
    expect(m.reasons.resident.zh).not.toContain('最低工资');
    const fair = rank(
      [resident('r1')],
      posting('p1', { requiredSkills: [], wage: { min: 80, max: 90, unit: 'day' } }),
    );
    expect(fair[0].facts.wageBelowFloor).toBe(false);
  });

  it('says the distance is approximate when the workplace location is a stand-in', () => {
    const approx = posting('p1', { requiredSkills: [], locationApproximate: true });
    const [m] = rank([resident('r1')], approx);
    expect(m.reasons.resident.zh).toContain('离您的安置点约 3 公里');
    expect(m.reasons.officer.zh).toContain('距离约 3 公里（岗位位置为估计）');
    expect(m.facts.unknown).toContain('distance');
  });
});

describe('list size per posting', () => {
  it('keeps candidatesPerOpening per place still open, between the configured bounds', () => {
    // testConfig: 10 per opening, at least 50, at most 200.
    expect(postingListSize(config, 1)).toBe(50);
    expect(postingListSize(config, 0)).toBe(50); // filled meanwhile: still a list to refer from
    expect(postingListSize(config, 8)).toBe(80);
    expect(postingListSize(config, 50)).toBe(200);
  });

  it('ranks no more residents than the size asked for, the best first', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      resident(`r${String(i).padStart(2, '0')}`, { skills: i % 2 ? teaSkills : [] }),
    );
    const all = rank(many);
    const cs = buildCandidateSet(many, SKILL_CODES, SITES);
    const top = rankPosting(posting('p1'), cs, config, { today: TODAY, topN: 5 });
    expect(top.map((m) => m.residentId)).toEqual(all.slice(0, 5).map((m) => m.residentId));
  });
});

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

describe('ranking', () => {
  const many = Array.from({ length: 300 }, (_, i) =>
    resident(`r${String(i).padStart(3, '0')}`, {
      skills: i % 3 === 0 ? teaSkills : [{ code: 'tea.picking', level: (i % 4) + 1 }],
      siteId: i % 2 === 0 ? 'site-wendou' : 'site-north',
      preferences: { industries: [], schedules: [], willingToWorkAway: i % 5 === 0 },
      household: { zeroEmployment: i % 7 === 0, monitoringStatus: i % 11 === 0 ? 'hardship' : 'none' },
    }),
  );

  it('keeps the top N ordered by score, then priority, then id, with 1-based ranks', () => {
    const all = rankPosting(posting('p1'), buildCandidateSet(many, SKILL_CODES, SITES), config, {
      today: TODAY,
      topN: 1000,
    });
    const top = rankPosting(posting('p1'), buildCandidateSet(many, SKILL_CODES, SITES), config, {
      today: TODAY,
      topN: 25,
    });
    expect(top.map((m) => m.residentId)).toEqual(all.slice(0, 25).map((m) => m.residentId));
    expect(top.map((m) => m.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1];
      const b = all[i];
      const ordered =
        a.score > b.score ||
        (a.score === b.score &&
          (a.priority > b.priority || (a.priority === b.priority && a.residentId < b.residentId)));
      expect(ordered).toBe(true);
    }
    // Only the site within 15 km (the other one is 30 km away, no accommodation).
    expect(all.every((m) => m.distanceKm < 15)).toBe(true);
  });

  it('drops matches below minScore', () => {
    const ranked = rankPosting(posting('p1'), buildCandidateSet(many, SKILL_CODES, SITES), config, {
      today: TODAY,
      minScore: 50,
    });
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((m) => m.score >= 50)).toBe(true);
  });

  it('in blend mode lets priority move a resident up without changing any score', () => {
    const rs = [
      resident('a', { skills: teaSkills }),
      resident('b', {
        skills: teaSkills.slice(0, 1),
        household: { zeroEmployment: true, monitoringStatus: 'hardship' },
      }),
    ];
    const plain = rank(rs);
    const blended = rank(
      rs,
      posting('p1'),
      testConfig({ ranking: { order: 'blend', blendPointsPerPriority: 0.5 } }),
    );
    expect(plain.map((m) => m.residentId)).toEqual(['a', 'b']);
    expect(blended.map((m) => m.residentId)).toEqual(['b', 'a']);
    expect(blended.find((m) => m.residentId === 'b')!.score).toBe(
      plain.find((m) => m.residentId === 'b')!.score,
    );
  });

  it('batched ranking yields between batches and returns the same list', async () => {
    const cs = buildCandidateSet(many, SKILL_CODES, SITES);
    let yields = 0;
    const batched = await rankPostingBatched(posting('p1'), cs, config, {
      today: TODAY,
      batchSize: 50,
      yieldFn: async () => {
        yields++;
      },
    });
    expect(yields).toBe(5);
    expect(batched).toEqual(rankPosting(posting('p1'), cs, config, { today: TODAY }));
  });
});

describe('rankResident and skillGaps', () => {
  const residents = [
    resident('r1', { skills: [{ code: 'tea.picking', level: 3 }] }),
    resident('r2', { skills: teaSkills }),
  ];
  const postings = [
    posting('p-tea'),
    posting('p-pick', { requiredSkills: [{ code: 'tea.picking', minLevel: 1 }] }),
    posting('p-sew', {
      requiredSkills: [
        { code: 'sewing.machine', minLevel: 2 },
        { code: 'tea.processing', minLevel: 1 },
        { code: 'tea.planting', minLevel: 1 },
      ],
    }),
    posting('p-far', { latitude: SITES[0].latitude + 50 * DEG_PER_KM }),
  ];
  const cs = buildCandidateSet(residents, SKILL_CODES, SITES);
  const set = buildPostingSet(postings, cs, config, { today: TODAY });

  it('ranks the postings a resident can reach, best first', () => {
    const recs = rankResident(0, set, config, { skillNames: SKILL_NAMES });
    expect(recs.map((m) => m.postingId)).toEqual(['p-pick', 'p-tea', 'p-sew']);
    expect(recs[0].residentId).toBe('r1');
    expect(recs[0].reasons.officer.zh).toContain('具备采茶 1/1 项要求技能');
    expect(recs[0].reasons.resident.zh).toContain('您会采茶');
  });

  it('lists postings missed by one or two required skills, with the missing codes', () => {
    expect(skillGaps(0, set)).toEqual([
      {
        postingId: 'p-tea',
        postingVersion: 1,
        missing: [{ code: 'tea.processing', minLevel: 2, level: 0 }],
        score: expect.any(Number),
      },
    ]);
    // r2 holds both tea skills: misses p-sew by sewing and planting (2), the far posting is filtered out.
    expect(skillGaps(1, set).map((g) => [g.postingId, g.missing.map((m) => m.code)])).toEqual([
      ['p-sew', ['sewing.machine', 'tea.planting']],
    ]);
    expect(skillGaps(1, set, { maxMissing: 1 })).toEqual([]);
  });
});
