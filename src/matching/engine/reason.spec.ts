import { ENGINE_VERSION } from './engine-version';
import { DEG_PER_KM, SITES, posting, resident } from './testing/fixtures';
import { rank, teaSkills } from './testing/rank-helpers';

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
