import type {
  EmploymentStatus,
  Industry,
  LaborCapacity,
  MonitoringStatus,
  Schedule,
  WageUnit,
} from '../../src/kernel/domain-enums';
import type { EmployerKind } from '../../src/employers/employer-kind';
import type { PostingSkill } from '../../src/postings/posting.entity';
import type { Education, Gender, SkillSource } from '../../src/residents/enums';
import type { Role } from '../../src/access/role';

/*
 * The records a PopulationBuilder (population.ts) builds: plain objects, one interface per table
 * group, written in bulk by population-writer.ts.
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
