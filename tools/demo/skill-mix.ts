import type { Gender } from '../../src/residents/enums';
import { addDays } from '../../src/kernel/clock';
import { HEALTH_CERTIFICATE } from './posting-template';
import type { ResidentRow, SkillRef } from './population-rows';
import type { Rng } from './prng';

/*
 * Which skills the residents hold (a rural labour market: tea, farming, herbs, construction and
 * cleaning common, electricians and e-commerce rare), their levels, the certificates that come
 * with them and the industries a resident names. Draws from the builder's Rng, in call order.
 */

/** How common skills of each taxonomy category are among residents (rural labour market). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  tea: 10,
  herbal_medicine: 6,
  agriculture: 12,
  livestock: 4,
  forestry: 2,
  food_processing: 2,
  construction: 7,
  property_services: 5,
  catering: 4,
  domestic_services: 3,
  garments: 3,
  manufacturing: 1.5,
  electronics: 0.6,
  tourism: 1.5,
  retail: 1,
  ecommerce: 0.25,
  logistics: 1.2,
  care: 1.5,
  public_welfare: 0.6,
  other: 0.8,
};

/** Skills much more common than the rest of their category (multipliers). */
const SKILL_BOOST: Record<string, number> = {
  'tea.picking': 8,
  'tea.field_care': 3,
  'tea.sorting': 2,
  'agri.field_labour': 6,
  'agri.vegetables': 5,
  'agri.grain': 5,
  'agri.potato': 3,
  'agri.highland_vegetables': 3,
  'agri.konjac_planting': 3,
  'herbal.planting': 4,
  'herbal.coptis': 3,
  'herbal.harvesting': 2,
  'construction.labourer': 6,
  'construction.masonry': 3,
  'cleaning.housekeeping': 8,
  'catering.kitchen_helper': 4,
  'livestock.pig': 4,
  'livestock.poultry': 3,
  'sewing.machine': 3,
  'domestic.housekeeper': 2,
  'driving.c1': 2,
};

/** Rare in this population whatever their category. */
const SKILL_DAMP: Record<string, number> = {
  electrician: 0.3,
  welding: 0.5,
  ecommerce: 0.5,
  computer: 0.5,
  office: 0.3,
};

/** Realism only (who tends to hold which trade); gender never enters matching. */
const MALE_SKEWED = ['construction', 'electrician', 'welding', 'driving', 'agrimach', 'auto', 'security'];
const FEMALE_SKEWED = ['garment', 'sewing', 'care', 'domestic', 'cleaning', 'beauty', 'craft', 'shoe'];

function prefixOf(code: string): string {
  return code.slice(0, code.indexOf('.'));
}

/** The taxonomy with each skill's weight among men and among women, and the draws over it. */
export class SkillMix {
  private readonly weights: { male: [string, number][]; female: [string, number][] };
  private readonly byCode: Map<string, SkillRef>;

  constructor(skills: SkillRef[]) {
    this.byCode = new Map(skills.map((s) => [s.code, s]));
    const perCategory = new Map<string, number>();
    for (const s of skills) perCategory.set(s.category, (perCategory.get(s.category) ?? 0) + 1);
    const base = (s: SkillRef) =>
      ((CATEGORY_WEIGHTS[s.category] ?? 0.5) / perCategory.get(s.category)!) *
      (SKILL_BOOST[s.code] ?? 1) *
      (SKILL_DAMP[prefixOf(s.code)] ?? 1);
    const sorted = [...skills].sort((a, b) => a.code.localeCompare(b.code));
    this.weights = {
      male: sorted.map((s) => {
        const p = prefixOf(s.code);
        const f = MALE_SKEWED.includes(p) ? 3 : FEMALE_SKEWED.includes(p) ? 0.4 : 1;
        return [s.code, base(s) * f];
      }),
      female: sorted.map((s) => {
        const p = prefixOf(s.code);
        const f = MALE_SKEWED.includes(p) ? 0.2 : FEMALE_SKEWED.includes(p) ? 2 : 1;
        return [s.code, base(s) * f];
      }),
    };
  }

  /** Up to four skills, mostly at levels 1–2 (a little higher after 40), noted by officer or resident. */
  draw(rng: Rng, gender: Gender, age: number): ResidentRow['skills'] {
    const n = rng.weighted<number>([
      [0, 12],
      [1, 30],
      [2, 30],
      [3, 18],
      [4, 10],
    ]);
    const codes = rng.weightedDistinct(this.weights[gender], n);
    return codes.map((code) => ({
      code,
      level: Math.min(
        4,
        rng.weighted<number>([
          [1, 50],
          [2, 33],
          [3, 13],
          [4, 4],
        ]) + (age >= 40 && rng.chance(0.15) ? 1 : 0),
      ),
      source: rng.chance(0.55) ? ('officer' as const) : ('self' as const),
    }));
  }

  /** The certificates that go with those skills (some lapsed by `asOf`), and health certificates. */
  certificates(rng: Rng, asOf: string, skills: ResidentRow['skills']): ResidentRow['certificates'] {
    const out = new Map<string, string | null>();
    for (const s of skills) {
      const ref = this.byCode.get(s.code);
      if (ref?.certificate && !out.has(ref.certificate) && rng.chance(0.3 + 0.15 * s.level)) {
        // Some have lapsed: an officer would see them as expired.
        out.set(ref.certificate, addDays(asOf, rng.int(-200, 6 * 365)));
      }
      if (
        (ref?.category === 'catering' || ref?.category === 'food_processing') &&
        !out.has(HEALTH_CERTIFICATE) &&
        rng.chance(0.45)
      ) {
        out.set(HEALTH_CERTIFICATE, addDays(asOf, rng.int(-60, 365)));
      }
    }
    return [...out].map(([type, expiresAt]) => ({ type, expiresAt }));
  }

  /** The industries of the first two skills, sometimes one of the big local employers' besides. */
  preferredIndustries(rng: Rng, skills: ResidentRow['skills']): string[] {
    const out = new Set<string>();
    for (const s of skills.slice(0, 2)) {
      const cat = this.byCode.get(s.code)?.category;
      if (cat && cat !== 'other') out.add(cat);
    }
    if (rng.chance(0.3))
      out.add(rng.pick(['property_services', 'catering', 'manufacturing', 'garments', 'tea']));
    return [...out];
  }
}
