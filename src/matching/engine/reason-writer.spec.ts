import fc from 'fast-check';
import { buildCandidateSet } from './candidate-set';
import { buildReasons } from './reason';
import { rankPosting } from './rank';
import { buildPostingSet, rankResident } from './rank-resident';
import { TODAY, testConfig } from './testing/fixtures';
import { CODES, NAMES, county, travel } from './testing/golden-cases';
import type { RankedMatch } from './types';

// explain writes reasons with a per-posting ReasonWriter (words that do not depend on the
// resident built once); buildReasons writes them from the facts alone. Same text, every row.
const config = testConfig();

function sameAsFromFacts(rows: RankedMatch[], names: typeof NAMES | undefined): void {
  for (const m of rows) expect(m.reasons).toEqual(buildReasons(m.facts, names));
}

describe('ReasonWriter', () => {
  it('writes what buildReasons writes from the facts, for every kept row of seeded counties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        fc.boolean(),
        (seed, withTravel, named) => {
          const c = county(seed, 250);
          const cs = buildCandidateSet(c.residents, CODES, c.sites);
          const names = named ? NAMES : undefined;
          const opts = {
            today: TODAY,
            minScore: 0,
            skillNames: names,
            travel: withTravel ? travel(seed) : undefined,
          };
          for (const p of c.postings)
            sameAsFromFacts(rankPosting(p, cs, config, { ...opts, topN: 60 }), names);
          const set = buildPostingSet(c.postings, cs, config, opts);
          for (const r of [0, 99, 249])
            sameAsFromFacts(rankResident(r, set, config, { minScore: 0, skillNames: names }), names);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('follows the skill names a posting is explained with when they change between rankings', () => {
    const c = county(5, 200);
    const cs = buildCandidateSet(c.residents, CODES, c.sites);
    const set = buildPostingSet(c.postings, cs, config, { today: TODAY });
    const named = rankResident(0, set, config, { minScore: 0, skillNames: NAMES });
    const plain = rankResident(0, set, config, { minScore: 0 });
    sameAsFromFacts(named, NAMES);
    sameAsFromFacts(plain, undefined);
  });
});
