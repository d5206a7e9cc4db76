import { buildCandidateSet, rankPostingTop } from './engine';
import { SITES, SKILL_CODES, TODAY, posting, resident, testConfig } from './engine/testing/fixtures';
import { rankBothSides } from './posting-scores';

describe('rankBothSides (the posting’s top list and every seeker’s score in one pass)', () => {
  const levels = [0, 1, 2, 3, 4];
  const residents = Array.from({ length: 300 }, (_, i) =>
    resident(`r-${String(i).padStart(3, '0')}`, {
      siteId: SITES[i % SITES.length].id,
      skills: [
        { code: 'tea.picking', level: levels[i % 5] },
        { code: 'tea.processing', level: levels[(i * 7) % 5] },
      ].filter((s) => s.level > 0),
      household: { zeroEmployment: i % 3 === 0, monitoringStatus: i % 4 === 0 ? 'unstable' : 'none' },
    }),
  );
  const cs = buildCandidateSet(residents, SKILL_CODES, SITES);

  it.each(['score_then_priority', 'blend'] as const)('keeps the same top list as rankPostingTop (%s)', async (order) => {
    const cfg = testConfig({ ranking: { order, blendPointsPerPriority: 0.1 } });
    const p = posting('p-1');
    const opts = { today: TODAY, topN: 25, minScore: 30, batchSize: 50 };
    const engine = await rankPostingTop(p, cs, cfg, opts);
    const both = await rankBothSides(p, cs, cfg, opts);
    expect(both.top.residents).toEqual(engine.residents);
    // Every resident of the top list is among the scored ones, with scores at least minScore.
    expect(both.scores.residents).toEqual(expect.arrayContaining([...engine.residents]));
    expect(Math.min(...both.scores.scores)).toBeGreaterThanOrEqual(30);
    expect(both.scores.residents.length).toBeGreaterThan(engine.residents.length);
  });
});
