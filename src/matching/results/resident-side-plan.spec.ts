import type { RankedMatch } from '../engine';
import { RecommendationLists } from './recommendation-lists';
import { residentSideChanges, rowKey } from './resident-side-plan';

const P = (id: string, score: number) => ({ postingId: id, postingVersion: 1, score, engineVersion: 'e' });
const posting = (id: string, version = 1) => ({ id, version, engineVersion: 'e' });
/** A stand-in for the engine's explained row: only what the residents' side reads. */
const match = (residentId: string, postingId: string, score: number) =>
  ({ residentId, postingId, postingVersion: 1, score, engineVersion: 'e' }) as unknown as RankedMatch;

describe('residentSideChanges (a re-rank batch’s lists, written as their difference with what is stored)', () => {
  const stored = () =>
    new RecommendationLists(3).load([
      { residentId: 'r', ...P('p1', 90) },
      { residentId: 'r', ...P('p2', 80) },
      { residentId: 'r', ...P('p3', 70) },
    ]);

  it('a posting entering a list is written at its place and raises a job alert; the row it pushed out is left to the cut', () => {
    const lists = stored();
    lists.merge('r', posting('p4'), 85);
    const explained = new Map([[rowKey('r', 'p4'), match('r', 'p4', 85)]]);
    const out = residentSideChanges(['r'], lists, explained, new Set(['p4']), () => 7);
    expect(out.changes.upserts).toEqual([
      { match: explained.get(rowKey('r', 'p4')), residentVersion: 7, rank: 2 },
    ]);
    expect(out.entered.map((e) => e.postingId)).toEqual(['p4']);
    // p3 (not a posting of the batch) was pushed out: the renumbering's cut removes it.
    expect(out.changes.deletes).toEqual([]);
    expect(out.refill).toEqual([]);
  });

  it('a row that moves is written without a job alert; a batch posting that no longer qualifies is deleted', () => {
    const lists = new RecommendationLists(3).load([
      { residentId: 'r', ...P('p1', 90) },
      { residentId: 'r', ...P('p2', 80) },
    ]);
    lists.merge('r', posting('p2'), 95);
    lists.merge('r', posting('p1'), null);
    const explained = new Map([[rowKey('r', 'p2'), match('r', 'p2', 95)]]);
    const out = residentSideChanges(['r'], lists, explained, new Set(['p1', 'p2']), () => 3);
    expect(out.changes.upserts.map((u) => [u.match.postingId, u.rank])).toEqual([['p2', 1]]);
    expect(out.entered).toEqual([]);
    expect(out.changes.deletes).toEqual([{ residentId: 'r', postingId: 'p1', residentVersion: 3 }]);
  });

  it('rows of postings whose version changed since they were ranked are left out, both ways', () => {
    const lists = new RecommendationLists(3).load([{ residentId: 'r', ...P('p1', 90) }]);
    lists.merge('r', posting('p1'), null);
    lists.merge('r', posting('p5'), 60);
    const explained = new Map([[rowKey('r', 'p5'), match('r', 'p5', 60)]]);
    const out = residentSideChanges(['r'], lists, explained, new Set<string>(), () => 1);
    expect(out.changes).toEqual({ upserts: [], deletes: [] });
    expect(out.entered).toEqual([]);
  });

  it('a list that lost ground for good is refilled whole, not diffed', () => {
    const lists = stored();
    lists.merge('r', posting('p2'), null);
    lists.merge('s', posting('p2'), 50);
    const explained = new Map([[rowKey('s', 'p2'), match('s', 'p2', 50)]]);
    const out = residentSideChanges(['r', 's'], lists, explained, new Set(['p2']), (id) =>
      id === 's' ? undefined : 2,
    );
    expect(out.refill).toEqual(['r']);
    // A resident the batch did not load is written with version 0 (any newer profile wins).
    expect(out.changes.upserts.map((u) => [u.match.residentId, u.residentVersion])).toEqual([['s', 0]]);
  });
});
