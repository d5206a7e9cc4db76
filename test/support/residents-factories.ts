import type request from 'supertest';
import type { EmploymentStatus, LaborCapacity, MonitoringStatus } from '../../src/kernel/domain-enums';
import { buildNationalId } from '../../src/residents/national-id';
import { login, registerAccount, uniquePhone, type Session } from './factories';

type Http = ReturnType<typeof request>;

/**
 * A synthetic but valid national ID (18 characters, real date, correct ISO 7064 MOD 11-2 check
 * character). `seq` 0–999: odd for a man, even for a woman.
 */
export function makeNationalId(regionCode6: string, birthDate: string, seq: number): string {
  return buildNationalId(regionCode6, birthDate, seq);
}

// Starts at a random point: jest runs every test file of a run in one process (same pid) with
// fresh module state, so a counter starting at 0 would repeat another file's IDs.
let idCounter = Math.floor(Math.random() * 7300 * 500);
/**
 * A national ID no other test of this run uses: the region part comes from the process id
 * (parallel jest workers share the run's database), the birth date and sequence from a counter
 * (7,300 birth dates × 500 sequence numbers per gender before it repeats).
 */
export function uniqueNationalId(opts: { birthDate?: string; gender?: 'female' | 'male' } = {}): {
  nationalId: string;
  birthDate: string;
  gender: 'female' | 'male';
} {
  idCounter += 1;
  const gender = opts.gender ?? (idCounter % 2 ? 'female' : 'male');
  const birthDate = opts.birthDate ?? yearsAgo(25, idCounter % 7300);
  const region = `4${String(process.pid % 100000).padStart(5, '0')}`;
  // With a given birth date only the sequence can vary, so it follows the counter directly.
  const seqBase = opts.birthDate ? idCounter % 500 : Math.floor(idCounter / 7300) % 500;
  const seq = seqBase * 2 + (gender === 'male' ? 1 : 0);
  return { nationalId: makeNationalId(region, birthDate, seq % 1000), birthDate, gender };
}

/** A birth date `years` ago (plus `dayShift` days earlier), YYYY-MM-DD. */
export function yearsAgo(years: number, dayShift = 0): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 3 - dayShift);
  return d.toISOString().slice(0, 10);
}

export interface HouseholdBody {
  siteId: string;
  originRegionCode: string;
  monitoringStatus: MonitoringStatus;
}

/** A household at `siteId`, registered in 文斗镇 (422802107) unless told otherwise. */
export async function createHousehold(
  http: Http,
  officer: Session,
  siteId: string,
  over: Partial<HouseholdBody> = {},
): Promise<{ id: string; siteId: string; zeroEmployment: boolean; [k: string]: unknown }> {
  const body: HouseholdBody = { siteId, originRegionCode: '422802107', monitoringStatus: 'none', ...over };
  const res = await http.post('/api/v1/households').set(officer.auth).send(body);
  if (res.status !== 201)
    throw new Error(`create household failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface ResidentBody {
  householdId: string;
  name: string;
  gender: 'female' | 'male';
  birthDate: string;
  nationalId: string;
  phone?: string;
  education?: string;
  laborCapacity: LaborCapacity;
  employmentStatus: EmploymentStatus;
  consentToShare: boolean;
  preferences?: {
    industries: string[];
    wageMin?: number | null;
    schedules: string[];
    maxCommuteKm?: number | null;
    maxCommuteMinutes?: number | null;
    willingToWorkAway: boolean;
  };
  skills?: { code: string; level: number }[];
  certificates?: { type: string; expiresAt?: string | null }[];
  jobAlerts?: boolean;
  careDuties?: boolean;
  languages?: string[];
}

let nameCounter = 0;
/**
 * A valid POST /residents body: a woman of about 30–50, able to work, unemployed, consenting,
 * who picks tea (level 2). Give `birthDate`/`gender` and the national ID follows them.
 */
export function residentBody(householdId: string, over: Partial<ResidentBody> = {}): ResidentBody {
  nameCounter += 1;
  const id = over.nationalId
    ? null
    : uniqueNationalId({ birthDate: over.birthDate, gender: over.gender ?? 'female' });
  return {
    householdId,
    name: `测试居民${nameCounter}`,
    gender: id?.gender ?? 'female',
    birthDate: id?.birthDate ?? '1988-03-12',
    nationalId: id?.nationalId ?? '',
    phone: uniquePhone(),
    education: 'junior_secondary',
    laborCapacity: 'full',
    employmentStatus: 'unemployed',
    consentToShare: true,
    preferences: {
      industries: ['tea', 'garments'],
      wageMin: 2500,
      schedules: ['full_time', 'flexible'],
      maxCommuteKm: 15,
      willingToWorkAway: false,
    },
    skills: [{ code: 'tea.picking', level: 2 }],
    certificates: [],
    jobAlerts: true,
    ...over,
  };
}

export type CreatedResident = {
  id: string;
  householdId: string;
  siteId: string;
  nationalIdMasked: string;
  version: number;
  [k: string]: unknown;
} & {
  /** The clear ID this factory generated (never returned by the API). */
  nationalId: string;
  /** The phone in clear, to register an account with it. */
  phoneClear: string | undefined;
};

/** A resident created by an officer (or admin) in `householdId`. */
export async function createResident(
  http: Http,
  officer: Session,
  householdId: string,
  over: Partial<ResidentBody> = {},
): Promise<CreatedResident> {
  const body = residentBody(householdId, over);
  const res = await http.post('/api/v1/residents').set(officer.auth).send(body);
  if (res.status !== 201)
    throw new Error(`create resident failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, nationalId: body.nationalId, phoneClear: body.phone };
}

/**
 * A resident on the roster with their own account (registered with the roster's national ID,
 * so it is linked), signed in.
 */
export async function residentAccount(
  http: Http,
  officer: Session,
  householdId: string,
  over: Partial<ResidentBody> = {},
): Promise<{ session: Session & { phone: string }; resident: CreatedResident }> {
  const resident = await createResident(http, officer, householdId, over);
  return { session: await accountForResident(http, resident), resident };
}

/**
 * An account for a resident already on the roster, signed in. It registers with the roster's
 * phone, so the SMS code proves it is the resident and the account is linked at once (a national
 * ID alone links nothing: issue 12, finding 1).
 */
export async function accountForResident(
  http: Http,
  resident: { name?: unknown; nationalId: string; phoneClear?: string | undefined },
): Promise<Session & { phone: string }> {
  const phone = resident.phoneClear;
  if (!phone) throw new Error('accountForResident: the roster resident needs a phone to prove');
  const res = await registerAccount(http, {
    phone,
    name: String(resident.name),
    role: 'resident',
    nationalId: resident.nationalId,
  });
  if (res.status !== 201)
    throw new Error(`register resident failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(await login(http, phone)), phone };
}
