import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isValidCreditCode } from '../../src/employers/credit-code';
import { postingTokens, SkillTerms } from '../../src/postings/posting-search-text';
import { checkNationalId, nationalIdFacts } from '../../src/residents/national-id';
import { parseTaxonomy } from '../../src/skills/taxonomy';
import { buildCountyPopulation } from './county';
import { buildDemoPopulation, DEMO_ACCOUNTS, ORIGIN_TOWNSHIP } from './demo-scenario';
import { enshiTownships, WENDOU } from './geography';
import { SYNTHETIC_MARK } from './names';
import { pgArray } from './bulk-insert';
import { PostingTokenizer } from './posting-tokenizer';
import { Rng } from './prng';

const taxonomy = parseTaxonomy(parse(readFileSync(join(__dirname, '../../config/skills.yaml'), 'utf8')));
const skills = taxonomy.map((s) => ({
  code: s.code,
  nameZh: s.nameZh,
  synonyms: s.synonyms ?? [],
  category: s.category,
  certificate: s.certificate ?? null,
}));
const townships = enshiTownships();
const AS_OF = '2026-03-01';
const NOW = new Date('2026-03-01T08:00:00Z');

function county(seed: number, residents = 3000) {
  return buildCountyPopulation({
    seed,
    residents,
    postings: 300,
    sites: 20,
    skills,
    townships,
    asOf: AS_OF,
    now: NOW,
  });
}

function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('county population builder', () => {
  const pop = county(1);

  it('is reproducible: same seed → same records, another seed → others', () => {
    expect(county(1)).toEqual(pop);
    const other = county(2);
    expect(other.residents[0].nationalId).not.toEqual(pop.residents[0].nationalId);
  });

  it('builds exactly the requested residents, postings and sites on real townships', () => {
    expect(pop.residents).toHaveLength(3000);
    expect(pop.postings).toHaveLength(300);
    expect(pop.sites).toHaveLength(20);
    const codes = new Set(townships.map((t) => t.code));
    expect(pop.sites.every((s) => codes.has(s.regionCode))).toBe(true);
    expect(
      pop.sites.every(
        (s) =>
          s.regionCode.startsWith('4228') || s.regionCode.startsWith('50') || s.regionCode.startsWith('43'),
      ),
    ).toBe(true);
  });

  it('gives every resident a valid, unique, synthetic national ID matching birth date, gender and origin county', () => {
    const seen = new Set<string>();
    const households = new Map(pop.households.map((h) => [h.id, h]));
    for (const r of pop.residents) {
      expect(checkNationalId(r.nationalId, NOW)).toBeNull();
      const facts = nationalIdFacts(r.nationalId);
      expect(facts.birthDate).toBe(r.birthDate);
      expect(facts.gender).toBe(r.gender);
      expect(facts.regionCode).toBe(households.get(r.householdId)!.originRegionCode.slice(0, 6));
      expect(Number(r.nationalId.slice(14, 17))).toBeGreaterThanOrEqual(900);
      expect(ageOn(r.birthDate, AS_OF)).toBe(r.age);
      seen.add(r.nationalId);
    }
    expect(seen.size).toBe(pop.residents.length);
  });

  it('gives employers valid, unique unified social credit codes', () => {
    expect(pop.employers.length).toBeGreaterThan(0);
    expect(pop.employers.every((e) => isValidCreditCode(e.creditCode))).toBe(true);
    expect(new Set(pop.employers.map((e) => e.creditCode)).size).toBe(pop.employers.length);
  });

  it('has rural distributions: household sizes 2–6 mostly 3–4, two thirds of labour at work, common skills common', () => {
    const sizes = new Map<string, number>();
    for (const r of pop.residents) sizes.set(r.householdId, (sizes.get(r.householdId) ?? 0) + 1);
    const counts = [...sizes.values()];
    // only the last household may be cut short to hit the exact resident count
    expect(counts.filter((n) => n < 2 || n > 6).length).toBeLessThanOrEqual(1);
    const mid = counts.filter((n) => n === 3 || n === 4).length / counts.length;
    expect(mid).toBeGreaterThan(0.5);

    const working = pop.residents.filter((r) => r.age >= 16 && r.age < 65);
    expect(working.length / pop.residents.length).toBeGreaterThan(0.55);
    expect(pop.residents.some((r) => r.age < 16)).toBe(true);
    expect(pop.residents.some((r) => r.age >= 65)).toBe(true);
    const capable = working.filter((r) => r.laborCapacity !== 'none');
    const employed = capable.filter((r) => r.employmentStatus === 'employed').length / capable.length;
    expect(employed).toBeGreaterThan(0.55);
    expect(employed).toBeLessThan(0.75);

    const adults = pop.residents.filter((r) => r.age >= 16);
    const lowEducation = adults.filter(
      (r) => r.education === 'primary' || r.education === 'junior_secondary' || r.education === 'none',
    );
    expect(lowEducation.length / adults.length).toBeGreaterThan(0.6);
    const consent = adults.filter((r) => r.consentToShare).length / adults.length;
    expect(consent).toBeGreaterThan(0.6);
    expect(consent).toBeLessThan(0.8);
    const monitored =
      pop.households.filter((h) => h.monitoringStatus !== 'none').length / pop.households.length;
    expect(monitored).toBeGreaterThan(0.05);
    expect(monitored).toBeLessThan(0.16);

    const held = new Map<string, number>();
    for (const r of pop.residents) for (const s of r.skills) held.set(s.code, (held.get(s.code) ?? 0) + 1);
    const n = (code: string) => held.get(code) ?? 0;
    expect(n('tea.picking')).toBeGreaterThan(5 * n('electrician.low_voltage'));
    expect(n('cleaning.housekeeping')).toBeGreaterThan(5 * n('ecommerce.livestream'));
    const levels = pop.residents.flatMap((r) => r.skills.map((s) => s.level));
    expect(levels.filter((l) => l <= 2).length / levels.length).toBeGreaterThan(0.7);
    const known = new Set(skills.map((s) => s.code));
    expect([...held.keys()].every((c) => known.has(c))).toBe(true);
  });

  it('keeps preferences in range and marks people as synthetic', () => {
    for (const r of pop.residents) {
      expect(r.name.endsWith(SYNTHETIC_MARK)).toBe(true);
      if (r.phone) expect(r.phone).toMatch(/^199\d{8}$/);
      if (r.prefMaxCommuteKm !== null) {
        expect(r.prefMaxCommuteKm).toBeGreaterThanOrEqual(5);
        expect(r.prefMaxCommuteKm).toBeLessThanOrEqual(30);
      }
      if (r.prefMaxCommuteMinutes !== null) {
        // Residents with care duties state minutes instead (issue 16), never both.
        expect(r.careDuties).toBe(true);
        expect(r.prefMaxCommuteKm).toBeNull();
        expect(r.prefMaxCommuteMinutes).toBeGreaterThanOrEqual(20);
        expect(r.prefMaxCommuteMinutes).toBeLessThanOrEqual(45);
      }
      if (r.prefWageMin !== null) {
        expect(r.prefWageMin).toBeGreaterThanOrEqual(1500);
        expect(r.prefWageMin).toBeLessThanOrEqual(4000);
      }
    }
  });

  it('has inputs as they really arrive: a third of postings ask no skill, a third of profiles are bare', () => {
    // Issue 11: the engine must be judged on what officers and employers actually type.
    const noSkill =
      pop.postings.filter((p) => !p.skills.some((s) => s.required)).length / pop.postings.length;
    expect(noSkill).toBeGreaterThan(0.3);
    expect(noSkill).toBeLessThan(0.4);
    const noSkillAd = pop.postings.find((p) => !p.skills.some((s) => s.required))!;
    expect(noSkillAd.description).toContain('不需要经验');

    const able = pop.residents.filter((r) => r.age >= 16 && r.laborCapacity !== 'none');
    const bare = able.filter(
      (r) =>
        r.skills.length === 0 &&
        r.prefIndustries.length === 0 &&
        r.prefWageMin === null &&
        r.prefSchedules.length === 0 &&
        r.prefMaxCommuteKm === null &&
        r.prefMaxCommuteMinutes === null,
    ).length;
    expect(bare / able.length).toBeGreaterThan(0.3);
    expect(bare / able.length).toBeLessThan(0.4);
    // The rest still carry skills and wishes: the generator's complete profiles stay next to them.
    expect(able.filter((r) => r.prefWageMin !== null).length / able.length).toBeGreaterThan(0.4);
  });

  it('places postings near towns, about a fifth with accommodation, wages with min ≤ max', () => {
    const accommodation = pop.postings.filter((p) => p.accommodation).length / pop.postings.length;
    expect(accommodation).toBeGreaterThan(0.1);
    expect(accommodation).toBeLessThan(0.3);
    for (const p of pop.postings) {
      expect(p.wageMin).toBeLessThanOrEqual(p.wageMax);
      expect(p.latitude).toBeGreaterThan(28.5);
      expect(p.latitude).toBeLessThan(31.6);
    }
  });
});

describe('demo population', () => {
  const { population: pop, logins } = buildDemoPopulation({ skills, townships, asOf: AS_OF, now: NOW });

  it('has the two sites, ~900 residents, ~30 open postings, drafts and 5+ upcoming courses', () => {
    expect(pop.sites.map((s) => s.regionCode)).toEqual([WENDOU, '422802101']);
    expect(pop.residents.length).toBe(900);
    expect(pop.households.length).toBeGreaterThan(230);
    expect(pop.postings.filter((p) => p.status === 'open')).toHaveLength(30);
    expect(pop.postings.filter((p) => p.status === 'draft').length).toBeGreaterThan(0);
    expect(pop.courses.length).toBeGreaterThanOrEqual(5);
    expect(pop.courses.every((c) => c.startDate > '2026-03-01')).toBe(true);
    expect(pop.employers.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['workshop', 'cooperative', 'labour_service']),
    );
  });

  it('has the README accounts, the resident linked to a resident of the 文斗镇 site', () => {
    const phones = pop.users.filter((u) => u.password === 'demo').map((u) => u.phone);
    expect(phones).toEqual(expect.arrayContaining(Object.values(DEMO_ACCOUNTS)));
    expect(logins.map((l) => l.phone)).toEqual(Object.values(DEMO_ACCOUNTS));
    const resident = pop.users.find((u) => u.phone === DEMO_ACCOUNTS.resident)!;
    const r = pop.residents.find((x) => x.id === resident.residentId)!;
    expect(r.siteId).toBe(pop.sites[0].id);
    expect(r.phone).toBe(DEMO_ACCOUNTS.resident);
    const origin = pop.users.find((u) => u.phone === DEMO_ACCOUNTS.originOfficer)!;
    // Demo accounts reach demo sites only: no region scope that would cover real households.
    expect(origin.scopeRegionCodes ?? []).toEqual([]);
    expect(origin.scopeSiteIds).toEqual([pop.sites[0].id]);
    expect(pop.households.some((h) => h.originRegionCode === ORIGIN_TOWNSHIP)).toBe(true);
    const site = pop.users.find((u) => u.phone === DEMO_ACCOUNTS.siteOfficer)!;
    expect(site.scopeSiteIds).toEqual(pop.sites.map((s) => s.id));
    for (const phone of [DEMO_ACCOUNTS.teaEmployer, DEMO_ACCOUNTS.workshopEmployer]) {
      const u = pop.users.find((x) => x.phone === phone)!;
      expect(pop.employers.find((e) => e.id === u.employerId)?.verified).toBe(true);
    }
  });
});

describe('PostingTokenizer', () => {
  it('computes the same tokens as postingTokens()', () => {
    const tokenizer = new PostingTokenizer(skills);
    const terms = new SkillTerms(skills);
    const texts = new Map(skills.map((s) => [s.code, [s.nameZh, ...s.synonyms]]));
    for (const p of county(3, 200).postings.slice(0, 25)) {
      const codes = p.skills.map((s) => s.code);
      const expected = postingTokens(
        {
          title: p.title,
          description: p.description,
          employerName: p.employerName,
          skillCodes: codes,
          skillTexts: codes.flatMap((c) => texts.get(c) ?? []),
        },
        terms,
      );
      const got = tokenizer.tokens(p);
      expect(new Set(got.searchTokens)).toEqual(new Set(expected.searchTokens));
      expect(new Set(got.titleTokens)).toEqual(new Set(expected.titleTokens));
    }
  });
});

describe('pgArray', () => {
  it('quotes elements so commas, quotes and backslashes survive', () => {
    expect(pgArray(['a', 'b,c', 'd"e', 'f\\g'])).toBe('{"a","b,c","d\\"e","f\\\\g"}');
    expect(pgArray([])).toBe('{}');
  });
});
