import type request from 'supertest';
import { createSite, loginAdmin, staff, type Session } from './factories';
import { employerWithRecord, openPosting, type EmployerFixture } from './postings-factories';
import { createHousehold, residentAccount, type CreatedResident } from './residents-factories';

type Http = ReturnType<typeof request>;

/** 白杨坝镇: the origin township of the households of these tests (the site is in 文斗镇). */
export const ORIGIN_TOWNSHIP = '422802101';

export interface HiringWorld {
  admin: Session;
  site: { id: string; regionCode: string };
  otherSite: { id: string; regionCode: string };
  /** Manages `site`. */
  siteOfficer: Session;
  /** Reads households registered in ORIGIN_TOWNSHIP (dual jurisdiction); manages no site of these tests. */
  originOfficer: Session;
  /** Manages `otherSite` only. */
  otherOfficer: Session;
  employer: EmployerFixture;
  otherEmployer: EmployerFixture;
}

/** Two sites in 文斗镇, their officers, an origin-region officer and two verified employers. */
export async function hiringWorld(http: Http): Promise<HiringWorld> {
  const admin = await loginAdmin(http);
  const site = await createSite(http, admin);
  const otherSite = await createSite(http, admin);
  const siteOfficer = await staff(http, admin, 'officer', { siteIds: [site.id] });
  const originOfficer = await staff(http, admin, 'officer', { regionCodes: [ORIGIN_TOWNSHIP] });
  const otherOfficer = await staff(http, admin, 'officer', { siteIds: [otherSite.id] });
  const employer = await employerWithRecord(http, { verifiedBy: siteOfficer });
  const otherEmployer = await employerWithRecord(http, { verifiedBy: siteOfficer });
  return { admin, site, otherSite, siteOfficer, originOfficer, otherOfficer, employer, otherEmployer };
}

/** A new household of `site` from ORIGIN_TOWNSHIP with one unemployed member who has an account. */
export async function householdWithResident(
  http: Http,
  w: HiringWorld,
  over: { household?: Record<string, unknown>; resident?: Record<string, unknown> } = {},
): Promise<{ householdId: string; session: Session; resident: CreatedResident }> {
  const h = await createHousehold(http, w.siteOfficer, w.site.id, {
    originRegionCode: ORIGIN_TOWNSHIP,
    ...over.household,
  });
  const { session, resident } = await residentAccount(http, w.siteOfficer, h.id, over.resident);
  return { householdId: h.id, session, resident };
}

export async function apply(
  http: Http,
  session: Session,
  postingId: string,
  residentId?: string,
): Promise<{ id: string; status: string; [k: string]: unknown }> {
  const res = await http.post('/api/v1/applications').set(session.auth).send({ postingId, residentId });
  if (res.status !== 201) throw new Error(`apply failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function moveApplication(
  http: Http,
  session: Session,
  id: string,
  status: string,
): Promise<request.Response> {
  return http.patch(`/api/v1/applications/${id}`).set(session.auth).send({ status });
}

export { openPosting };

/** YYYY-MM-DD `months` months before today (UTC calendar). */
export function monthsAgo(months: number, extraDays = 0): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
}

/** Notifications of a kind in the signed-in user's inbox (first 100). */
export async function inbox(
  http: Http,
  session: Session,
  kind: string,
): Promise<{ id: string; kind: string; title: string; body: string; payload: Record<string, unknown> }[]> {
  const res = await http.get('/api/v1/notifications?pageSize=100').set(session.auth);
  if (res.status !== 200) throw new Error(`inbox failed: ${res.status}`);
  return (res.body.items as { kind: string }[]).filter((n) => n.kind === kind) as never;
}
