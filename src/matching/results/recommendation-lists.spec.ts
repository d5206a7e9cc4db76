import { RecommendationLists } from './recommendation-lists';

const P = (id: string, score: number) => ({ postingId: id, postingVersion: 1, score, engineVersion: 'e' });
const posting = (id: string, version = 1) => ({ id, version, engineVersion: 'e' });

describe('RecommendationLists (a ranked posting merged into residents’ top lists)', () => {
  const full = () =>
    new RecommendationLists(3).load([
      { residentId: 'r', ...P('p1', 90) },
      { residentId: 'r', ...P('p2', 80) },
      { residentId: 'r', ...P('p3', 70) },
    ]);

  it('a better posting enters a full list and pushes out the last', () => {
    const lists = full();
    expect(lists.merge('r', posting('p4'), 85)).toEqual({ change: 'insert', refill: false });
    expect(lists.list('r').map((e) => e.postingId)).toEqual(['p1', 'p4', 'p2']);
    expect(lists.holders('p3')).toEqual([]);
  });

  it('a worse one does not enter; at equal score the smaller posting id wins', () => {
    const lists = full();
    expect(lists.merge('r', posting('p9'), 70).change).toBe('none');
    expect(lists.merge('r', posting('p0'), 70).change).toBe('insert');
    expect(lists.list('r').map((e) => e.postingId)).toEqual(['p1', 'p2', 'p0']);
  });

  it('a posting that leaves or falls to the bottom of a full list asks for a refill', () => {
    expect(full().merge('r', posting('p2'), null)).toEqual({ change: 'delete', refill: true });
    expect(full().merge('r', posting('p1', 2), 60)).toEqual({ change: 'update', refill: true });
    expect(full().merge('r', posting('p3', 2), 75)).toEqual({ change: 'update', refill: false });
  });

  it('a list that is not full holds every qualifying posting: no refill, any score enters', () => {
    const lists = new RecommendationLists(3).load([{ residentId: 'r', ...P('p1', 90) }]);
    expect(lists.merge('r', posting('p1'), null)).toEqual({ change: 'delete', refill: false });
    expect(lists.merge('r', posting('p2'), 31)).toEqual({ change: 'insert', refill: false });
    expect(lists.merge('s', posting('p2'), 31)).toEqual({ change: 'insert', refill: false });
    expect(lists.holders('p2').sort()).toEqual(['r', 's']);
  });

  it('an unchanged row is not written again', () => {
    expect(full().merge('r', posting('p2'), 80).change).toBe('none');
  });

  describe('a re-rank batch: many postings merged, then one write per list', () => {
    it('a full list that lost an entry and won as good a one back needs no refill', () => {
      const lists = full();
      lists.merge('r', posting('p2'), null);
      expect(lists.needsRefill('r')).toBe(true);
      lists.merge('r', posting('p5'), 75); // above the old last place (70)
      expect(lists.needsRefill('r')).toBe(false);
    });

    it('a full list whose last place ends below its best last place needs one', () => {
      const lists = full();
      lists.merge('r', posting('p2'), null);
      lists.merge('r', posting('p5'), 65); // below 70: p3's cut-off neighbours may be better
      expect(lists.needsRefill('r')).toBe(true);
      // A posting turned away while the list was full (below 85) may beat a later last place.
      const l2 = full();
      l2.merge('r', posting('p4'), 85); // pushes p3 out; last place now 80
      l2.merge('r', posting('p1'), null);
      l2.merge('r', posting('p6'), 75);
      expect(l2.needsRefill('r')).toBe(true); // p3 (70) is below 75, but the mark is 80
      expect(new RecommendationLists(3).load([{ residentId: 'r', ...P('p1', 90) }]).needsRefill('r')).toBe(
        false,
      );
    });

    it('the diff writes only new or changed rows with their place, and names the rows gone', () => {
      const lists = full();
      lists.merge('r', posting('p4'), 85); // enters at 2, pushes p3 out
      lists.merge('r', posting('p9'), 60); // turned away
      lists.merge('r', posting('p4'), 50); // updated in place, to the bottom
      lists.merge('r', posting('p1', 2), 90); // a new version, same score
      expect(lists.changed()).toEqual(['r']);
      const { upserts, deletes } = lists.diff('r');
      expect(upserts.map((u) => [u.postingId, u.rank, u.score])).toEqual([
        ['p1', 1, 90],
        ['p4', 3, 50],
      ]);
      expect(deletes.map((d) => d.postingId)).toEqual(['p3']);
      expect(lists.wasStored('r', 'p4')).toBe(false);
      expect(lists.wasStored('r', 'p3')).toBe(true);
    });

    it('after a refill the stored state is the fresh list', () => {
      const lists = full();
      lists.merge('r', posting('p2'), null);
      lists.replace('r', [P('p1', 90), P('p3', 70), P('p7', 69)]);
      expect(lists.changed()).toEqual([]);
      expect(lists.needsRefill('r')).toBe(false);
      expect(lists.diff('r')).toEqual({ upserts: [], deletes: [] });
    });
  });

  describe('full lists known by their last place only (rank-posting reads only the lists it may enter)', () => {
    it('the last place is the bar to enter; a list that was loaded anyway keeps its own', () => {
      const lists = new RecommendationLists(3).load([{ residentId: 'loaded', ...P('p1', 50) }]).skipBelow(
        new Map([
          ['far', 72.5],
          ['loaded', 99],
        ]),
      );
      expect(lists.threshold('far')).toBe(72.5);
      expect(lists.threshold('loaded')).toBe(-Infinity);
      expect(lists.threshold('unknown')).toBe(-Infinity);
    });

    it('merging into a list never loaded is refused, not taken for an empty list', () => {
      const lists = new RecommendationLists(3).skipBelow(new Map([['far', 70]]));
      expect(() => lists.merge('far', posting('p9'), 80)).toThrow(/without being loaded/);
      expect(lists.changed()).toEqual([]);
    });

    it('loading the list afterwards makes it an ordinary list', () => {
      const lists = new RecommendationLists(3).skipBelow(new Map([['r', 70]]));
      lists.load([
        { residentId: 'r', ...P('p1', 90) },
        { residentId: 'r', ...P('p2', 80) },
        { residentId: 'r', ...P('p3', 70) },
      ]);
      expect(lists.merge('r', posting('p4'), 85)).toEqual({ change: 'insert', refill: false });
    });
  });
});
