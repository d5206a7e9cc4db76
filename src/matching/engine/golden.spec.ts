import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCases } from './testing/golden-cases';

// The engine's exact output on seeded inputs, recorded from engine 2.1.0 before explain was made
// fast (testing/golden.json): scores, components, facts and every reader's reason in both
// languages. An optimisation must not change a byte. A deliberate change of the output (a new
// reason text, a formula) rewrites the file: ENGINE_GOLDEN_WRITE=1 npx jest … golden.spec.ts,
// and the diff of golden.json is then part of the review.
const FILE = join(__dirname, 'testing', 'golden.json');

describe('engine golden output', () => {
  const cases = goldenCases();
  if (process.env.ENGINE_GOLDEN_WRITE === '1') {
    it('writes testing/golden.json', () => {
      const out = Object.fromEntries(cases.map((c) => [c.name, JSON.parse(JSON.stringify(c.run()))]));
      writeFileSync(FILE, JSON.stringify(out, null, 1) + '\n');
    });
    return;
  }
  const golden = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown[]>;

  it('has a recorded output for every case and a case for every recorded output', () => {
    expect(Object.keys(golden).sort()).toEqual(cases.map((c) => c.name).sort());
    const rows = Object.values(golden).reduce((n, rs) => n + rs.length, 0);
    expect(rows).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: the same output, byte for byte', (name, c) => {
    const actual = c.run();
    const want = golden[name];
    // Field by field first (a readable diff), then the JSON text (key order and number spelling).
    expect(JSON.parse(JSON.stringify(actual))).toEqual(want);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(want));
  });
});
