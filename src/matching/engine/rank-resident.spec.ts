import { buildCandidateSet } from './candidate-set';
import { buildPostingSet, rankResident, skillGaps } from './rank-resident';
import { DEG_PER_KM, SITES, SKILL_CODES, SKILL_NAMES, TODAY, posting, resident } from './testing/fixtures';
import { config, teaSkills } from './testing/rank-helpers';

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
