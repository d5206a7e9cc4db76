import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseTaxonomy } from '../../src/skills/taxonomy';
import { buildDemoPopulation } from './demo-scenario';
import { withFreshIds } from './fresh-ids';
import { enshiTownships } from './geography';

const skills = parseTaxonomy(parse(readFileSync(join(__dirname, '../../config/skills.yaml'), 'utf8'))).map(
  (s) => ({
    code: s.code,
    category: s.category,
    certificate: s.certificate ?? null,
  }),
);

/** Issue 11 item 8: each database's demo has ids of its own, the same people and links otherwise. */
describe('withFreshIds (the demo data of npm start)', () => {
  const { population } = buildDemoPopulation({
    skills,
    townships: enshiTownships(),
    asOf: '2026-03-01',
    now: new Date('2026-03-01T08:00:00Z'),
  });
  const a = withFreshIds(population);
  const b = withFreshIds(population);

  it('gives every row a new id, different for every database', () => {
    const seeded = new Set(population.residents.map((r) => r.id));
    expect(a.residents.some((r) => seeded.has(r.id))).toBe(false);
    const other = new Set(b.residents.map((r) => r.id));
    expect(a.residents.some((r) => other.has(r.id))).toBe(false);
    expect(new Set(a.residents.map((r) => r.id)).size).toBe(population.residents.length);
  });

  it('keeps every reference pointing at the same row, and everything else as it was', () => {
    const households = new Map(a.households.map((h) => [h.id, h]));
    const sites = new Set(a.sites.map((s) => s.id));
    const employers = new Set(a.employers.map((e) => e.id));
    population.residents.forEach((r, i) => {
      const fresh = a.residents[i];
      expect(households.has(fresh.householdId)).toBe(true);
      expect(sites.has(fresh.siteId)).toBe(true);
      // The household of the fresh row is the fresh copy of the seeded one.
      const seededHousehold = population.households.findIndex((h) => h.id === r.householdId);
      expect(households.get(fresh.householdId)).toBe(a.households[seededHousehold]);
      expect({ ...fresh, id: r.id, householdId: r.householdId, siteId: r.siteId }).toEqual(r);
    });
    for (const p of a.postings) expect(employers.has(p.employerId)).toBe(true);
  });
});
