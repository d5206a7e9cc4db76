import { buildCandidateSet, rankPostingTop, type RankedMatch } from './engine';
import {
  SITES,
  SKILL_CODES,
  SKILL_NAMES,
  TODAY,
  posting,
  resident,
  testConfig,
} from './engine/testing/fixtures';
import { rankBothSides } from './posting-scores';
import { RecommendationLists } from './results/recommendation-lists';
import { mergePosting, planRecommendations } from './results/recommendation-plan';
import { MergedRows, residentSideChanges, rowKey } from './results/resident-side-plan';

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

  it.each(['score_then_priority', 'blend'] as const)(
    'keeps the same top list as rankPostingTop (%s)',
    async (order) => {
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
    },
  );
});

describe('a re-rank batch’s rows explained when written (MergedRows), not as they entered', () => {
  const residents = Array.from({ length: 60 }, (_, i) =>
    resident(`r-${String(i).padStart(2, '0')}`, {
      siteId: SITES[0].id,
      skills: i % 2 ? [{ code: 'tea.picking', level: (i % 4) + 1 }] : [],
    }),
  );
  const cs = buildCandidateSet(residents, SKILL_CODES, SITES);
  const cfg = testConfig();
  const opts = { today: TODAY, topN: 25, minScore: 0, batchSize: 16 };
  const postings = ['p-1', 'p-2', 'p-3', 'p-4'].map((id, i) =>
    posting(id, { requiredSkills: i % 2 ? [{ code: 'tea.picking', minLevel: 1 }] : [] }),
  );

  it('writes the same rows as explaining each merge at once, and none a later posting pushed out', async () => {
    const eager = new RecommendationLists(2);
    const lazy = new RecommendationLists(2);
    const explainedAtOnce = new Map<string, RankedMatch>();
    const merged = new MergedRows(SKILL_NAMES);
    for (const p of postings) {
      const { top, scores } = await rankBothSides(p, cs, cfg, opts);
      for (const u of planRecommendations(eager, top, scores, () => 1, SKILL_NAMES).changes.upserts)
        explainedAtOnce.set(rowKey(u.match.residentId, u.match.postingId), u.match);
      mergePosting(lazy, top, scores, {
        upsert: (r, id) => merged.add(id, top.cp, r),
        deleted() {},
        refill() {},
      });
    }
    const ids = residents.map((r) => r.id);
    const valid = new Set(postings.map((p) => p.id));
    const viaEager = residentSideChanges(ids, eager, explainedAtOnce, valid, () => 1);
    const viaLazy = residentSideChanges(ids, lazy, merged, valid, () => 1);
    // Every resident qualifies for the two postings that ask nothing: two rows each.
    expect(viaLazy.changes.upserts.length).toBe(ids.length * 2);
    expect(viaLazy).toEqual(viaEager);
    // Four postings merged into lists of two: some rows entered and were pushed out again.
    expect(explainedAtOnce.size).toBeGreaterThan(viaLazy.changes.upserts.length);
  });
});
