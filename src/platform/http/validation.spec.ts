import { MAX_BODY_DEPTH, nestsDeeperThan } from './validation';

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('nestsDeeperThan (request bodies, issue 12 finding 16)', () => {
  it('lets a body of the limit through and refuses one level more', () => {
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
  });

  it('measures 100,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(100_000), MAX_BODY_DEPTH)).toBe(true);
  });

  it('counts depth, not width', () => {
    const wide = { items: Array.from({ length: 10_000 }, (_, i) => ({ i, tags: ['a', 'b'] })) };
    // object → items[] → item → tags[]: four levels, however many items.
    expect(nestsDeeperThan(wide, 4)).toBe(false);
    expect(nestsDeeperThan(wide, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });
});
