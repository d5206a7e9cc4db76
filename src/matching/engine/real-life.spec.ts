import {
  POSTINGS,
  RESIDENTS,
  SITE,
  postingProfile,
  residentInput,
  type PostingKey,
  type ResidentKey,
} from '../../../test/fixtures/real-life';
import { buildCandidateSet } from './candidate-set';
import { rankPosting } from './rank';
import { TODAY, testConfig } from './testing/fixtures';
import type { RankedMatch } from './types';

// The engine on inputs typed the way officers and employers really type them (issue 11).
const config = testConfig();
const SKILLS = [
  'tea.picking',
  'sewing.machine',
  'shoe.uppers',
  'construction.masonry',
  'construction.labourer',
];
const NAMES = {
  'tea.picking': { zh: '采茶', en: 'Tea picking' },
  'sewing.machine': { zh: '缝纫机操作', en: 'Sewing machine operation' },
  'shoe.uppers': { zh: '鞋面缝制', en: 'Shoe upper stitching' },
  'construction.masonry': { zh: '砌筑工', en: 'Masonry' },
};

function match(resident: ResidentKey, posting: PostingKey): RankedMatch | undefined {
  const cs = buildCandidateSet([residentInput(RESIDENTS[resident])], SKILLS, [SITE]);
  return rankPosting(postingProfile(POSTINGS[posting]), cs, config, {
    today: TODAY,
    minScore: 0,
    skillNames: NAMES,
  })[0];
}

const HOUSEHOLD_WORDS = /零就业|脱贫|困难|边缘|监测|优先|priority|zero-employment|hardship|poverty|monitor/i;

describe('real-life inputs', () => {
  it('a bare roster resident who picks tea is a strong match for the 采茶 job 2.9 km away with a shuttle', () => {
    const m = match('bareTeaPicker', 'teaPicking')!;
    expect(m.score).toBeGreaterThanOrEqual(config.thresholds.strongMatch);
    expect(m.reasons.resident.zh).toBe(
      '您会采茶，这份工作要的就是这个。离您的安置点 2.9 公里，约 6 分钟（估计）。有班车。',
    );
    expect(m.reasons.officer.zh).toContain('未填期望工资、班次意向、行业意向');
    expect(m.reasons.officer.zh).toContain('脱贫不稳定户优先');
  });

  it('a bare roster resident 1.5 km from a 普工 job that asks for no skill is a strong match', () => {
    const m = match('bare', 'assemblyLine')!;
    expect(m.score).toBeGreaterThanOrEqual(config.thresholds.strongMatch);
    expect(m.reasons.resident.zh).toContain('这份工作不要求技能');
    // Skills (and training, which goes with them) do not apply: no points, no weight.
    expect(m.components.skills.points).toBe(0);
    expect(m.components.training.points).toBe(0);
  });

  it('the same bare resident scores higher with the wishes stated and met, never lower', () => {
    const bare = match('bare', 'assemblyLine')!;
    const cs = buildCandidateSet(
      [
        residentInput({
          ...RESIDENTS.bare,
          preferences: {
            industries: ['electronics'],
            wageMin: 3000,
            schedules: ['full_time'],
            willingToWorkAway: false,
          },
          experienceIndustries: ['electronics'],
        }),
      ],
      SKILLS,
      [SITE],
    );
    const [stated] = rankPosting(postingProfile(POSTINGS.assemblyLine), cs, config, { today: TODAY });
    expect(stated.score).toBe(100);
    expect(bare.score).toBeLessThan(stated.score);
  });

  it('a sewer at 会一点 is "not yet at the level" for a job that asks 熟练, never "missing"', () => {
    const m = match('partialSewer', 'sewingSkilled')!;
    expect(m.reasons.resident.zh).toContain('还差：缝纫机操作要熟练（您现在是会一点）');
    expect(m.reasons.officer.zh).toContain('缝纫机操作还没到要求的水平（会一点，要求熟练）');
    expect(m.reasons.resident.en).toContain('Still to reach: sewing machine operation at skilled level');
    for (const r of Object.values(m.reasons)) expect(r.zh).not.toMatch(/缺缝纫机/);
  });

  it('a piece rate is unknown pay, not a mismatch', () => {
    const m = match('fullMother', 'shoeUppers')!;
    expect(m.components.wage.value).toBe(config.unknown.share);
    expect(m.reasons.officer.zh).toContain('计件工资，无法与期望比较');
    expect(m.reasons.resident.zh).toContain('按件计工资');
  });

  it('a posting saved without coordinates never earns full distance credit and says 约', () => {
    const m = match('bare', 'noCoordinates')!;
    expect(m.components.distance.value).toBeLessThanOrEqual(config.unknown.share);
    expect(m.reasons.resident.zh).toContain('离您的安置点约 3 公里');
    expect(m.reasons.officer.zh).toContain('岗位位置为估计');
    expect(m.reasons.employer.zh).toContain('距离约 3 公里');
  });

  it('warns officers of pay below the local minimum wage', () => {
    const m = match('bare', 'belowMinimum')!;
    expect(m.facts.wageBelowFloor).toBe(true);
    expect(m.reasons.officer.zh).toContain('低于当地最低工资标准 1650 元');
    expect(m.reasons.employer.zh).not.toContain('最低工资');
    expect(match('bare', 'assemblyLine')!.facts.wageBelowFloor).toBe(false);
  });

  it('a mason willing to work away gets the far 包吃住 job, with the preferred skill', () => {
    const m = match('fullMason', 'constructionAway')!;
    expect(m.components.distance.value).toBe(config.distance.awayWithAccommodationCredit);
    expect(m.components.preferredSkills.value).toBe(1);
    expect(m.reasons.resident.zh).toContain('离您的安置点 60.0 公里。提供住宿');
    expect(m.reasons.officer.zh).toContain('另有加分技能砌筑工');
  });

  it('no employer reason of any pair names the household situation, in Chinese or English', () => {
    let pairs = 0;
    for (const r of Object.keys(RESIDENTS) as ResidentKey[])
      for (const p of Object.keys(POSTINGS) as PostingKey[]) {
        const m = match(r, p);
        if (!m) continue;
        pairs++;
        expect(m.reasons.employer.zh).not.toMatch(HOUSEHOLD_WORDS);
        expect(m.reasons.employer.en).not.toMatch(HOUSEHOLD_WORDS);
        expect(m.reasons.resident.zh).not.toMatch(/\d\/\d/);
      }
    expect(pairs).toBeGreaterThan(15);
  });
});
