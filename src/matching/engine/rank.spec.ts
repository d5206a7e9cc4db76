import { buildCandidateSet } from './candidate-set';
import { postingListSize, rankPosting, rankPostingBatched } from './rank';
import { SITES, SKILL_CODES, TODAY, posting, resident, testConfig } from './testing/fixtures';
import { config, rank, teaSkills } from './testing/rank-helpers';

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
