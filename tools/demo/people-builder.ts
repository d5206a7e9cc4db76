import type { MonitoringStatus } from '../../src/kernel/domain-enums';
import type { Gender } from '../../src/residents/enums';
import { buildNationalId } from '../../src/residents/national-id';
import { addDays } from '../../src/kernel/clock';
import { jitter, type Township } from './geography';
import { givenName, surname, SYNTHETIC_MARK } from './names';
import {
  emptyPopulation,
  type HouseholdRow,
  type Population,
  type ResidentRow,
  type SiteRow,
  type SkillRef,
  type UserRow,
} from './population-rows';
import { Rng } from './prng';
import { educationAt, employmentStatusAt, laborCapacityAt, scheduleWishes } from './resident-traits';
import { SkillMix } from './skill-mix';

/*
 * The people of a synthetic population: resettlement sites, households of 2–6 around a head of
 * working age, their members (national ID, phone, situation, skills, wishes) and the accounts.
 * PopulationBuilder (population.ts) adds employers, postings and courses on top.
 *
 * Synthetic identifiers:
 * - national IDs are VALID (GB 11643: origin county code, the birth date of the age, check
 *   character), with sequence numbers 900–999 (odd for men, even for women): that range marks
 *   them as synthetic in this project. A real person could hold the same number by chance,
 *   which is why they are only ever stored encrypted like real ones.
 * - phones are 199xxxxxxxx (residents 1991xxxxxxx, generated staff/employer accounts
 *   1990xxxxxxx); demo logins use 138000000xx (README).
 * Gender is drawn for realism of names, ID parity and skill mix only; matching never reads it.
 */

const HOUSEHOLD_SIZES: [number, number][] = [
  [2, 22],
  [3, 36],
  [4, 28],
  [5, 10],
  [6, 4],
];

export interface BuilderOptions {
  seed: number;
  skills: SkillRef[];
  /** The day ages and dates are counted from (YYYY-MM-DD); same seed + same day → same data. */
  asOf: string;
}

/** Percent of working-age residents with a bare roster profile, and with skills but no wishes. */
export const BARE_PROFILE_SHARE = 35;
export const PARTIAL_PROFILE_SHARE = 20;

/** Builds sites, households, residents and accounts; each method draws from the one Rng, in call order. */
export class PeopleBuilder {
  readonly rng: Rng;
  readonly pop: Population = emptyPopulation();
  protected readonly asOf: string;
  private readonly skillMix: SkillMix;
  private readonly usedNationalIds = new Set<string>();
  private residentPhoneSeq = 0;
  private accountPhoneSeq = new Map<string, number>();

  constructor(opts: BuilderOptions) {
    this.rng = new Rng(opts.seed);
    this.asOf = opts.asOf;
    this.skillMix = new SkillMix(opts.skills);
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

    const laborCapacity = laborCapacityAt(rng, age);

    const careDuties = age >= 20 && age < 60 && dependants && rng.chance(gender === 'female' ? 0.6 : 0.1);

    const employmentStatus = employmentStatusAt(rng, age, laborCapacity, careDuties);

    const education = educationAt(rng, age);
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
    const skills = working && profile !== 'bare' ? this.skillMix.draw(rng, gender, age) : [];
    const certificates = this.skillMix.certificates(rng, this.asOf, skills);
    const prefIndustries = wishes ? this.skillMix.preferredIndustries(rng, skills) : [];
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
      prefSchedules: wishes ? scheduleWishes(rng, careDuties) : [],
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

  // ---- accounts -------------------------------------------------------------------------------

  /** Phones of generated staff and employer accounts: 1990 + a 1-digit kind + 6 digits. */
  accountPhone(kind: 'officer' | 'employer' | 'provider'): string {
    const n = (this.accountPhoneSeq.get(kind) ?? 0) + 1;
    this.accountPhoneSeq.set(kind, n);
    const digit = { officer: 1, employer: 2, provider: 3 }[kind];
    return `1990${digit}${String(n).padStart(6, '0')}`;
  }

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
}
