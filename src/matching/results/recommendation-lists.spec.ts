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
});
