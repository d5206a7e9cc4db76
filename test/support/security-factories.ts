import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { buildCreditCode } from '../../src/employers/credit-code';
import { buildNationalId } from '../../src/residents/national-id';
import { createSite, loginAdmin, staff, type Session } from './factories';
import { createPosting, employerWithRecord, openPosting, type EmployerFixture } from './postings-factories';
import { createHousehold, residentAccount, type CreatedResident } from './residents-factories';
import { createCourse } from './training-factories';

type Http = ReturnType<typeof request>;

/*
 * Run-unique identities. The shared factories number national IDs and credit codes from a
 * counter that restarts in every test file while the process (and so the pid they mix in) stays
 * the same under --runInBand: two files of one run make the same values (409 duplicate). These
 * start from the file's load time instead (files start seconds apart).
 */
const START = Date.now();
let identityCounter = 0;

/** A national ID (with its birth date and gender) no other file of the run makes. */
export function runUniqueIdentity(): { nationalId: string; birthDate: string; gender: 'female' | 'male' } {
  identityCounter += 1;
  const region = `5${String(Math.floor(START / 10) % 100000).padStart(5, '0')}`;
  const d = new Date(Date.UTC(1975, 0, 1) + (identityCounter % 7000) * 86_400_000);
  const birthDate = d.toISOString().slice(0, 10);
  const seq = Math.floor(identityCounter / 7000) * 2 + (identityCounter % 2);
  return {
    nationalId: buildNationalId(region, birthDate, seq % 1000),
    birthDate,
    gender: seq % 2 ? 'male' : 'female',
  };
}

let codeCounter = 0;
/** A unified social credit code no other file of the run makes. */
export function runUniqueCreditCode(): string {
  codeCounter += 1;
  const body = String(((START % 1_000_000) * 100 + codeCounter) % 1e8).padStart(8, '0');
  return buildCreditCode('93', '422802', body);
}

/**
 * Two of everything (issue 7 item 4, OWASP API1): two sites with their officers, two verified
 * employers each with a draft and an open posting, two residents with accounts (one per site),
 * a provider with a course.
 */
export interface SecurityWorld {
  admin: Session;
  site: { id: string };
  otherSite: { id: string };
  officer: Session;
  otherOfficer: Session;
  provider: Session;
  courseId: string;
  employerA: EmployerFixture;
  employerB: EmployerFixture;
  draftA: { id: string };
  openA: { id: string };
  draftB: { id: string };
  openB: { id: string };
  householdA: string;
  householdB: string;
  residentA: { session: Session; resident: CreatedResident };
  residentB: { session: Session; resident: CreatedResident };
}

export async function securityWorld(http: Http): Promise<SecurityWorld> {
  const admin = await loginAdmin(http);
  const site = await createSite(http, admin);
  const otherSite = await createSite(http, admin);
  const officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
  const otherOfficer = await staff(http, admin, 'officer', { siteIds: [otherSite.id] });
  const provider = await staff(http, admin, 'provider');
  const course = await createCourse(http, provider);
  const employerA = await employerWithRecord(http, {
    verifiedBy: officer,
    body: { creditCode: runUniqueCreditCode() },
  });
  const employerB = await employerWithRecord(http, {
    verifiedBy: officer,
    body: { creditCode: runUniqueCreditCode() },
  });
  const draftA = await createPosting(http, employerA.session);
  const openA = await openPosting(http, employerA.session);
  const draftB = await createPosting(http, employerB.session);
  const openB = await openPosting(http, employerB.session);
  const householdA = (await createHousehold(http, officer, site.id)).id;
  const householdB = (await createHousehold(http, otherOfficer, otherSite.id)).id;
  const residentA = await residentAccount(http, officer, householdA, runUniqueIdentity());
  const residentB = await residentAccount(http, otherOfficer, householdB, runUniqueIdentity());
  return {
    admin,
    site,
    otherSite,
    officer,
    otherOfficer,
    provider,
    courseId: course.id,
    employerA,
    employerB,
    draftA,
    openA,
    draftB,
    openB,
    householdA,
    householdB,
    residentA,
    residentB,
  };
}

/** Row counts of every table of the public schema (migrations' own table excluded). */
export async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables = await ds.query<{ t: string }[]>(
    `SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
      ORDER BY table_name`,
  );
  if (!tables.length) return {};
  const rows = await ds.query<{ t: string; n: string }[]>(
    tables.map((x) => `SELECT '${x.t}' AS t, count(*) AS n FROM "${x.t}"`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** The tables whose row count differs between two snapshots: "table a→b". */
export function countChanges(
  before: Record<string, number>,
  after: Record<string, number>,
  ignore: readonly string[] = [],
): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => !ignore.includes(k) && before[k] !== after[k])
    .map((k) => `${k} ${before[k] ?? 0}→${after[k] ?? 0}`);
}

/** API.md's error format: statusCode, error, message, requestId (details optional). */
export function errorFormatProblem(status: number, body: unknown): string | null {
  const b = body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return 'no JSON body';
  if (b.statusCode !== status) return `statusCode ${String(b.statusCode)}`;
  if (typeof b.error !== 'string') return 'no error';
  if (typeof b.message !== 'string') return 'no message';
  if (typeof b.requestId !== 'string' || !b.requestId) return 'no requestId';
  return null;
}
