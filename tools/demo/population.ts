import type {
  EmploymentStatus,
  Industry,
  LaborCapacity,
  MonitoringStatus,
  Schedule,
  WageUnit,
} from '../../src/kernel/domain-enums';
import { buildCreditCode, CREDIT_CODE_ALPHABET } from '../../src/employers/credit-code';
import type { EmployerKind } from '../../src/employers/employer-kind';
import type { PostingSkill } from '../../src/postings/posting.entity';
import type { Education, Gender, SkillSource } from '../../src/residents/enums';
import { buildNationalId } from '../../src/residents/national-id';
import type { Role } from '../../src/access/role';
import type { CourseTemplate } from './course-templates';
import { jitter, type Township } from './geography';
import { givenName, surname, SYNTHETIC_MARK } from './names';
import { EMPLOYER_NAMES } from './employer-names';
import { HEALTH_CERTIFICATE, type PostingTemplate, templatesOf } from './posting-templates';
import { Rng } from './prng';

/*
 * The synthetic population builder shared by the demo data and the generator: plain objects, no
 * I/O, every draw from one seeded Rng, so the same seed (and the same `asOf` day) builds the same
 * records. Distributions are those of a rural resettlement site (DESIGN.md "Domain"; POLICY.md):
 * households of 2–6, a working-age majority, primary/junior-secondary schooling, farming, tea,
 * herbs, construction and cleaning skills common, electricians and e-commerce rare.
 *
 * Synthetic identifiers:
 * - national IDs are VALID (GB 11643: origin county code, the birth date of the age, check
 *   character), with sequence numbers 900–999 (odd for men, even for women): that range marks
 *   them as synthetic in this project. A real person could hold the same number by chance,
 *   which is why they are only ever stored encrypted like real ones.
 * - phones are 199xxxxxxxx (residents 1991xxxxxxx, generated staff/employer accounts
 *   1990xxxxxxx); demo logins use 138000000xx (README).
 * - unified social credit codes are valid, with organization codes "MA" + 6 random characters.
 * Gender is drawn for realism of names, ID parity and skill mix only; matching never reads it.
 */

export interface SkillRef {
  code: string;
  category: string;
  certificate: string | null;
}

export interface SiteRow {
  id: string;
  name: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  capacity: number;
  openedOn: string;
}

export interface HouseholdRow {
  id: string;
  siteId: string;
  originRegionCode: string;
  monitoringStatus: MonitoringStatus;
}

export interface ResidentRow {
  id: string;
  householdId: string;
  siteId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  age: number;
  nationalId: string;
  phone: string | null;
  education: Education | null;
  laborCapacity: LaborCapacity;
  employmentStatus: EmploymentStatus;
  consentToShare: boolean;
  prefIndustries: string[];
  prefWageMin: number | null;
  prefSchedules: Schedule[];
  prefMaxCommuteKm: number | null;
  /** Minutes, one way (issue 16): what residents with care duties state; the others give km as before. */
  prefMaxCommuteMinutes: number | null;
  willingToWorkAway: boolean;
  jobAlerts: boolean;
  careDuties: boolean;
  languages: string[];
  skills: { code: string; level: number; source: SkillSource }[];
  certificates: { type: string; expiresAt: string | null }[];
}

export interface UserRow {
  id: string;
  phone: string;
  name: string;
  role: Role;
  scopeSiteIds: string[];
  scopeRegionCodes: string[];
  residentId: string | null;
  employerId: string | null;
  /** `demo`: the demo password; `none`: an account that cannot sign in. */
  password: 'demo' | 'none';
}

export interface EmployerRow {
  id: string;
  name: string;
  creditCode: string;
  kind: EmployerKind;
  industry: Industry;
  regionCode: string;
  address: string;
  latitude: number;
  longitude: number;
  ownerUserId: string;
  verified: boolean;
}

export interface PostingRow {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  description: string;
  industry: Industry;
  skills: PostingSkill[];
  certificates: string[];
  headcount: number;
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  schedule: Schedule;
  regionCode: string;
  address: string;
  latitude: number;
  longitude: number;
  accommodation: boolean;
  meals: boolean;
  shuttle: boolean;
  publicWelfare: boolean;
  ageMin: number | null;
  ageMax: number | null;
  startDate: string | null;
  expiresAt: string;
  publishedAt: string | null;
  status: 'open' | 'draft';
}

export interface CourseRow {
  id: string;
  providerUserId: string;
  title: string;
  description: string;
  skills: { code: string; level: number }[];
  certificate: string | null;
  startDate: string;
  endDate: string;
  regionCode: string;
  address: string;
  latitude: number;
  longitude: number;
  capacity: number;
  subsidized: boolean;
  subsidyNote: string | null;
  sessions: { id: string; startsAt: string; endsAt: string; place: string }[];
}

export interface EnrollmentRow {
  id: string;
  courseId: string;
  residentId: string;
  enrolledBy: string;
}

export interface Population {
  sites: SiteRow[];
  households: HouseholdRow[];
  residents: ResidentRow[];
  users: UserRow[];
  employers: EmployerRow[];
  postings: PostingRow[];
  courses: CourseRow[];
  enrollments: EnrollmentRow[];
}

export function emptyPopulation(): Population {
  return {
    sites: [],
    households: [],
    residents: [],
    users: [],
    employers: [],
    postings: [],
    courses: [],
    enrollments: [],
  };
}

const HOUSEHOLD_SIZES: [number, number][] = [
  [2, 22],
  [3, 36],
  [4, 28],
  [5, 10],
  [6, 4],
];

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

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface BuilderOptions {
  seed: number;
  skills: SkillRef[];
  /** The day ages and dates are counted from (YYYY-MM-DD); same seed + same day → same data. */
  asOf: string;
}

/** Percent of working-age residents with a bare roster profile, and with skills but no wishes. */
export const BARE_PROFILE_SHARE = 35;
export const PARTIAL_PROFILE_SHARE = 20;
/** Chance that a county posting is a no-skill ad (where the employer has general-labour work). */
export const NO_SKILL_POSTING_SHARE = 0.4;

/** Work a newcomer learns on the job: no certificate, nothing above level 2 asked. */
function isGeneralLabour(t: PostingTemplate): boolean {
  return !t.certificates?.length && !t.publicWelfare && t.skills.every(([, level]) => level <= 2);
}

/** Builds synthetic records; each method draws from the one Rng, in call order. */
export class PopulationBuilder {
  readonly rng: Rng;
  readonly pop: Population = emptyPopulation();
  private readonly asOf: string;
  private readonly skillWeights: { male: [string, number][]; female: [string, number][] };
  private readonly skillByCode: Map<string, SkillRef>;
  private readonly usedNationalIds = new Set<string>();
  private readonly usedCreditCodes = new Set<string>();
  private residentPhoneSeq = 0;
  private accountPhoneSeq = new Map<string, number>();

  constructor(opts: BuilderOptions) {
    this.rng = new Rng(opts.seed);
    this.asOf = opts.asOf;
    this.skillByCode = new Map(opts.skills.map((s) => [s.code, s]));
    const perCategory = new Map<string, number>();
    for (const s of opts.skills) perCategory.set(s.category, (perCategory.get(s.category) ?? 0) + 1);
    const base = (s: SkillRef) =>
      ((CATEGORY_WEIGHTS[s.category] ?? 0.5) / perCategory.get(s.category)!) *
      (SKILL_BOOST[s.code] ?? 1) *
      (SKILL_DAMP[prefixOf(s.code)] ?? 1);
    const sorted = [...opts.skills].sort((a, b) => a.code.localeCompare(b.code));
    this.skillWeights = {
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

  // ---- places ---------------------------------------------------------------------------------

  site(township: Township, name: string, place?: { latitude: number; longitude: number }): SiteRow {
    const at = place ?? jitter(this.rng, township, 2);
    const site: SiteRow = {
      id: this.rng.uuid(),
      name,
      regionCode: township.code,
      latitude: at.latitude,
      longitude: at.longitude,
      capacity: this.rng.int(3, 30) * 100,
      openedOn: `${this.rng.int(2017, 2020)}-${String(this.rng.int(1, 12)).padStart(2, '0')}-01`,
    };
    this.pop.sites.push(site);
    return site;
  }

  // ---- households and residents --------------------------------------------------------------

  /**
   * One household at `site`, registered in one of `origins` (township codes with weights; the
   * first 6 digits are the county of the members' national IDs). `size` caps the member count.
   */
  household(
    site: SiteRow,
    origins: [string, number][],
    maxSize = 6,
  ): { household: HouseholdRow; members: ResidentRow[] } {
    const rng = this.rng;
    const household: HouseholdRow = {
      id: rng.uuid(),
      siteId: site.id,
      originRegionCode: rng.weighted(origins),
      monitoringStatus: rng.weighted<MonitoringStatus>([
        ['none', 90],
        ['unstable', 5],
        ['marginal', 3],
        ['hardship', 2],
      ]),
    };
    this.pop.households.push(household);
    const size = Math.min(maxSize, rng.weighted(HOUSEHOLD_SIZES));
    const headAge = Math.round(rng.normal(44, 11, 22, 78));
    const headGender: Gender = rng.chance(0.78) ? 'male' : 'female';
    const family = surname(rng);
    const people: { age: number; gender: Gender; surname: string }[] = [
      { age: headAge, gender: headGender, surname: family },
    ];
    if (size >= 2 && rng.chance(0.88)) {
      people.push({
        age: Math.max(20, headAge + rng.int(-4, 3)),
        gender: headGender === 'male' ? 'female' : 'male',
        surname: surname(rng),
      });
    }
    while (people.length < size) {
      const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
      if (headAge < 62 && rng.chance(0.16)) {
        // a parent of the head (the father shares the family name)
        people.push({
          age: Math.min(92, headAge + rng.int(22, 32)),
          gender,
          surname: gender === 'male' ? family : surname(rng),
        });
      } else if (headAge >= 56 && rng.chance(0.45)) {
        people.push({ age: rng.int(0, 15), gender, surname: family }); // grandchild
      } else {
        people.push({ age: Math.max(0, headAge - rng.int(20, 34)), gender, surname: family });
      }
    }
    const youngChild = people.some((p) => p.age < 12);
    const frailElder = people.some((p) => p.age >= 75);
    const members = people.map((p) => this.resident(household, site, p, youngChild || frailElder));
    return { household, members };
  }

  private resident(
    household: HouseholdRow,
    site: SiteRow,
    p: { age: number; gender: Gender; surname: string },
    dependants: boolean,
  ): ResidentRow {
    const rng = this.rng;
    const { age, gender } = p;
    const birthDate = addDays(this.asOf, -(age * 365 + Math.floor(age / 4) + rng.int(1, 364)));
    const nationalId = this.nationalId(household.originRegionCode.slice(0, 6), birthDate, gender);

    let laborCapacity: LaborCapacity;
    if (age < 16) laborCapacity = 'none';
    else if (age < 55)
      laborCapacity = rng.weighted<LaborCapacity>([
        ['full', 82],
        ['partial', 12],
        ['none', 6],
      ]);
    else if (age < 65)
      laborCapacity = rng.weighted<LaborCapacity>([
        ['full', 58],
        ['partial', 30],
        ['none', 12],
      ]);
    else
      laborCapacity = rng.weighted<LaborCapacity>([
        ['partial', 25],
        ['none', 75],
      ]);

    const careDuties = age >= 20 && age < 60 && dependants && rng.chance(gender === 'female' ? 0.6 : 0.1);

    let employmentStatus: EmploymentStatus;
    if (age < 6) employmentStatus = 'not_seeking';
    else if (age < 16 || (age < 19 && rng.chance(0.7))) employmentStatus = 'student';
    else if (laborCapacity === 'none') employmentStatus = age >= 60 ? 'retired' : 'not_seeking';
    else if (age >= 65) employmentStatus = rng.chance(0.15) ? 'employed' : 'retired';
    else
      employmentStatus = rng.weighted<EmploymentStatus>(
        careDuties
          ? [
              ['employed', 52],
              ['unemployed', 33],
              ['not_seeking', 15],
            ]
          : [
              ['employed', 68],
              ['unemployed', 26],
              ['not_seeking', 6],
            ],
      );

    const education = this.education(age);
    const adult = age >= 16;
    const working = adult && laborCapacity !== 'none';
    // How much the roster says (issue 11): a third of working-age rows come from a paper roster
    // with nothing beyond name, ID, household, capacity and status (bare); a fifth have a skill or
    // two the officer noted but no wishes (partial); the rest were completed after a visit (full).
    const profile = working
      ? rng.weighted<'bare' | 'partial' | 'full'>([
          ['bare', BARE_PROFILE_SHARE],
          ['partial', PARTIAL_PROFILE_SHARE],
          ['full', 100 - BARE_PROFILE_SHARE - PARTIAL_PROFILE_SHARE],
        ])
      : 'full';
    const wishes = working && profile === 'full';
    const skills = working && profile !== 'bare' ? this.skills(gender, age) : [];
    const certificates = this.certificates(skills);
    const prefIndustries = wishes ? this.preferredIndustries(skills) : [];
    const phone = age >= 18 && rng.chance(age >= 65 ? 0.4 : 0.85) ? this.residentPhone() : null;

    const r: ResidentRow = {
      id: rng.uuid(),
      householdId: household.id,
      siteId: site.id,
      name: `${p.surname}${givenName(rng, gender)}${SYNTHETIC_MARK}`,
      gender,
      birthDate,
      age,
      nationalId,
      phone,
      education,
      laborCapacity,
      employmentStatus,
      consentToShare: adult && rng.chance(0.7),
      prefIndustries,
      prefWageMin: wishes
        ? Math.round(rng.normal(careDuties ? 2200 : 2700, 550, 1500, 4000) / 100) * 100
        : null,
      prefSchedules: wishes ? this.schedules(careDuties) : [],
      prefMaxCommuteKm: wishes ? (careDuties ? rng.int(5, 10) : rng.int(8, 30)) : null,
      prefMaxCommuteMinutes: null,
      willingToWorkAway: wishes && !careDuties && rng.chance(age < 45 ? 0.35 : 0.08),
      jobAlerts: phone !== null && wishes && rng.chance(0.5),
      careDuties,
      languages: rng.chance(age >= 50 ? 0.3 : 0.08) ? ['zh', 'tujia'] : ['zh'],
      skills,
      certificates,
    };
    // A parent who must be home when school ends thinks in minutes: the km drawn above (same
    // draws, so the rest of the county stays as it was) becomes 20–45 minutes in steps of 5.
    if (careDuties && r.prefMaxCommuteKm !== null) {
      r.prefMaxCommuteMinutes = Math.min(45, Math.max(20, Math.round((r.prefMaxCommuteKm * 4.32) / 5) * 5));
      r.prefMaxCommuteKm = null;
    }
    this.pop.residents.push(r);
    return r;
  }

  private nationalId(county: string, birthDate: string, gender: Gender): string {
    // 900–999: the synthetic range; odd for men, even for women (GB 11643).
    const parity = gender === 'male' ? 1 : 0;
    const start = 900 + 2 * this.rng.int(0, 49) + parity;
    for (let day = 0; ; day++) {
      const date = addDays(birthDate, -day);
      for (let k = 0; k < 50; k++) {
        const seq = 900 + ((start - 900 + 2 * k) % 100);
        const id = buildNationalId(county, date, seq);
        if (!this.usedNationalIds.has(id)) {
          this.usedNationalIds.add(id);
          return id;
        }
      }
    }
  }

  private residentPhone(): string {
    this.residentPhoneSeq += 1;
    return `1991${String(this.residentPhoneSeq).padStart(7, '0')}`;
  }

  /** Phones of generated staff and employer accounts: 1990 + a 1-digit kind + 6 digits. */
  accountPhone(kind: 'officer' | 'employer' | 'provider'): string {
    const n = (this.accountPhoneSeq.get(kind) ?? 0) + 1;
    this.accountPhoneSeq.set(kind, n);
    const digit = { officer: 1, employer: 2, provider: 3 }[kind];
    return `1990${digit}${String(n).padStart(6, '0')}`;
  }

  private education(age: number): Education | null {
    const rng = this.rng;
    if (age < 6) return null;
    if (age < 12) return 'primary';
    if (age < 16) return 'junior_secondary';
    if (age >= 55)
      return rng.weighted<Education>([
        ['none', 20],
        ['primary', 50],
        ['junior_secondary', 25],
        ['senior_secondary', 5],
      ]);
    if (age >= 30)
      return rng.weighted<Education>([
        ['none', 5],
        ['primary', 30],
        ['junior_secondary', 45],
        ['senior_secondary', 10],
        ['vocational', 7],
        ['college', 3],
      ]);
    return rng.weighted<Education>([
      ['primary', 5],
      ['junior_secondary', 40],
      ['senior_secondary', 20],
      ['vocational', 22],
      ['college', 13],
    ]);
  }

  private skills(gender: Gender, age: number): ResidentRow['skills'] {
    const rng = this.rng;
    const n = rng.weighted<number>([
      [0, 12],
      [1, 30],
      [2, 30],
      [3, 18],
      [4, 10],
    ]);
    const codes = rng.weightedDistinct(this.skillWeights[gender], n);
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

  private certificates(skills: ResidentRow['skills']): ResidentRow['certificates'] {
    const rng = this.rng;
    const out = new Map<string, string | null>();
    for (const s of skills) {
      const ref = this.skillByCode.get(s.code);
      if (ref?.certificate && !out.has(ref.certificate) && rng.chance(0.3 + 0.15 * s.level)) {
        // Some have lapsed: an officer would see them as expired.
        out.set(ref.certificate, addDays(this.asOf, rng.int(-200, 6 * 365)));
      }
      if (
        (ref?.category === 'catering' || ref?.category === 'food_processing') &&
        !out.has(HEALTH_CERTIFICATE) &&
        rng.chance(0.45)
      ) {
        out.set(HEALTH_CERTIFICATE, addDays(this.asOf, rng.int(-60, 365)));
      }
    }
    return [...out].map(([type, expiresAt]) => ({ type, expiresAt }));
  }

  private preferredIndustries(skills: ResidentRow['skills']): string[] {
    const out = new Set<string>();
    for (const s of skills.slice(0, 2)) {
      const cat = this.skillByCode.get(s.code)?.category;
      if (cat && cat !== 'other') out.add(cat);
    }
    if (this.rng.chance(0.3))
      out.add(this.rng.pick(['property_services', 'catering', 'manufacturing', 'garments', 'tea']));
    return [...out];
  }

  private schedules(careDuties: boolean): Schedule[] {
    const rng = this.rng;
    if (careDuties) return rng.chance(0.6) ? ['part_time', 'flexible'] : ['flexible'];
    const out: Schedule[] = ['full_time'];
    if (rng.chance(0.4)) out.push('shifts');
    if (rng.chance(0.3)) out.push('flexible');
    if (rng.chance(0.2)) out.push('seasonal');
    return out;
  }

  // ---- accounts, employers, postings, courses ------------------------------------------------

  user(
    u: Omit<UserRow, 'id' | 'scopeSiteIds' | 'scopeRegionCodes' | 'residentId' | 'employerId'> &
      Partial<UserRow>,
  ): UserRow {
    const row: UserRow = {
      id: u.id ?? this.rng.uuid(),
      scopeSiteIds: [],
      scopeRegionCodes: [],
      residentId: null,
      employerId: null,
      ...u,
    };
    this.pop.users.push(row);
    return row;
  }

  /** A valid, unique unified social credit code registered in `region6`. */
  creditCode(kind: EmployerKind, region6: string): string {
    const prefix = {
      enterprise: '91',
      cooperative: '93',
      workshop: '92',
      labour_service: '91',
      public_welfare: '52',
    }[kind];
    for (;;) {
      let body = 'MA';
      for (let i = 0; i < 6; i++) body += this.rng.pick(CREDIT_CODE_ALPHABET.slice(0, 31).split(''));
      const code = buildCreditCode(prefix, region6, body);
      if (!this.usedCreditCodes.has(code)) {
        this.usedCreditCodes.add(code);
        return code;
      }
    }
  }

  employer(e: {
    name: string;
    kind: EmployerKind;
    industry: Industry;
    township: Township;
    place: { latitude: number; longitude: number };
    address: string;
    owner: UserRow;
  }): EmployerRow {
    const row: EmployerRow = {
      id: this.rng.uuid(),
      name: e.name,
      creditCode: this.creditCode(e.kind, e.township.code.slice(0, 6)),
      kind: e.kind,
      industry: e.industry,
      regionCode: e.township.code,
      address: e.address,
      latitude: e.place.latitude,
      longitude: e.place.longitude,
      ownerUserId: e.owner.id,
      verified: true,
    };
    e.owner.employerId = row.id;
    this.pop.employers.push(row);
    return row;
  }

  /** A synthetic employer of `industry` near `township` (generator). */
  randomEmployer(
    industry: Industry,
    township: Township,
    place: { latitude: number; longitude: number },
  ): EmployerRow {
    const rng = this.rng;
    const names = EMPLOYER_NAMES[industry] ?? { suffix: '有限公司', kinds: [['enterprise', 1]] };
    const kind = rng.weighted(names.kinds);
    const town = township.name.replace(/(街道|镇|乡|办事处)$/, '');
    const brand = rng.pick(BRANDS);
    const owner = this.user({
      phone: this.accountPhone('employer'),
      name: `${town}${brand}负责人${SYNTHETIC_MARK}`,
      role: 'employer',
      password: 'demo',
    });
    return this.employer({
      name: `${township.countyName.slice(0, 2)}${town}${brand}${names.suffix}${SYNTHETIC_MARK}`,
      kind,
      industry,
      township,
      place,
      address: `${township.countyName}${township.name}${rng.pick(PLACES)}`,
      owner,
    });
  }

  posting(
    employer: EmployerRow,
    t: PostingTemplate,
    opts: {
      status: 'open' | 'draft';
      today: string;
      now: Date;
      place?: { latitude: number; longitude: number };
      shuttle?: number;
    },
  ): PostingRow {
    const rng = this.rng;
    const step = { month: 100, day: 10, hour: 1, piece: 0.5 }[t.unit];
    const wageMin = Math.round(rng.range(t.wage[0], t.wage[1]) / step) * step;
    const wageMax = Math.max(wageMin, Math.round((wageMin * rng.range(1.1, 1.4)) / step) * step);
    const accommodation = rng.chance(t.accommodation ?? 0.15);
    const place =
      opts.place ??
      (rng.chance(0.7)
        ? { latitude: employer.latitude, longitude: employer.longitude }
        : jitter(rng, employer, 5));
    const publishedDaysAgo = rng.int(0, 20);
    const row: PostingRow = {
      id: rng.uuid(),
      employerId: employer.id,
      employerName: employer.name,
      title: t.title,
      description: `${t.description}（演示数据）`,
      industry: t.industry,
      skills: t.skills.map(([code, minLevel, required]) => ({ code, minLevel, required })),
      certificates: t.certificates ?? [],
      headcount: rng.weighted<number>([
        [1, 20],
        [2, 25],
        [3, 20],
        [5, 15],
        [10, 12],
        [20, 6],
        [50, 2],
      ]),
      wageMin,
      wageMax,
      wageUnit: t.unit,
      schedule: rng.pick(t.schedules),
      regionCode: employer.regionCode,
      address: employer.address,
      latitude: place.latitude,
      longitude: place.longitude,
      accommodation,
      meals: rng.chance(accommodation ? 0.7 : 0.3),
      shuttle: rng.chance(opts.shuttle ?? 0.2),
      publicWelfare: t.publicWelfare ?? false,
      ageMin: t.age?.[0] ?? null,
      ageMax: t.age?.[1] ?? null,
      startDate: rng.chance(0.6) ? addDays(opts.today, rng.int(0, 30)) : null,
      expiresAt: new Date(opts.now.getTime() + rng.int(20, 90) * 86_400_000).toISOString(),
      publishedAt:
        opts.status === 'open'
          ? new Date(
              opts.now.getTime() - publishedDaysAgo * 86_400_000 - rng.int(0, 86_399) * 1000,
            ).toISOString()
          : null,
      status: opts.status,
    };
    this.pop.postings.push(row);
    return row;
  }

  /** A posting of a template of the employer's industry (any template when it has none). */
  randomPosting(
    employer: EmployerRow,
    opts: { status: 'open' | 'draft'; today: string; now: Date },
  ): PostingRow {
    const own = templatesOf(employer.industry);
    const pool = own.length ? own : templatesOf('construction');
    // Most local ads for general labour (普工, 小工, 帮工) ask for no skill ("不需要经验，有人带"):
    // about a third of postings, drawn from the work a newcomer can learn on the job.
    const general = pool.filter(isGeneralLabour);
    if (general.length && this.rng.chance(NO_SKILL_POSTING_SHARE)) {
      const t = this.rng.pick(general);
      return this.posting(
        employer,
        {
          ...t,
          description: `${t.description}不需要经验，有人带。`,
          skills: t.skills.filter(([, , required]) => !required),
        },
        opts,
      );
    }
    return this.posting(employer, this.rng.pick(pool), opts);
  }

  course(
    t: CourseTemplate,
    opts: {
      provider: UserRow;
      township: Township;
      place: { latitude: number; longitude: number };
      address: string;
      startsInDays: number;
      today: string;
    },
  ): CourseRow {
    const rng = this.rng;
    const startDate = addDays(opts.today, opts.startsInDays);
    const endDate = addDays(startDate, t.days - 1);
    const id = rng.uuid();
    const sessionDays = [...new Set([0, Math.floor((t.days - 1) / 2), t.days - 1])];
    const row: CourseRow = {
      id,
      providerUserId: opts.provider.id,
      title: `${t.title}${SYNTHETIC_MARK}`,
      description: `${t.description}（演示数据）`,
      skills: t.skills,
      certificate: t.certificate,
      startDate,
      endDate,
      regionCode: opts.township.code,
      address: opts.address,
      latitude: opts.place.latitude,
      longitude: opts.place.longitude,
      capacity: t.capacity,
      subsidized: t.subsidyNote !== null,
      subsidyNote: t.subsidyNote,
      // 09:00–12:00 China time
      sessions: sessionDays.map((d) => ({
        id: rng.uuid(),
        startsAt: `${addDays(startDate, d)}T01:00:00.000Z`,
        endsAt: `${addDays(startDate, d)}T04:00:00.000Z`,
        place: opts.address,
      })),
    };
    this.pop.courses.push(row);
    return row;
  }
}

const BRANDS = [
  '兴农',
  '富硒',
  '清江',
  '龙船',
  '佳园',
  '金山',
  '腾龙',
  '山水',
  '绿源',
  '民族',
  '华丰',
  '鑫盛',
  '宏发',
  '福星',
  '惠民',
  '同心',
  '恒远',
  '瑞丰',
  '土苗',
  '武陵',
];
const PLACES = ['工业园', '集镇', '安置点旁', '村委会旁', '产业基地', '街道'];
