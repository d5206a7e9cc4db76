import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { createPosting, employerWithRecord } from '../support/postings-factories';
import { createHousehold, createResident } from '../support/residents-factories';
import { createCourse } from '../support/training-factories';

/*
 * PATCH leaves out what it does not change; it never sets a required field to null. `null` for
 * such a field is a 400 naming the field, and the record stays as it was (no database error
 * turned into a 400 after a half-done write).
 */
describe('PATCH with null for a required field', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let provider: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    provider = await staff(t.http, admin, 'provider');
  });

  afterAll(async () => {
    await t?.close();
  });

  async function rejects(
    who: Session,
    path: string,
    field: string,
    read: () => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const before = await read();
    const res = await t.http
      .patch(path)
      .set(who.auth)
      .send({ [field]: null });
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await read()).toEqual(before);
  }

  it('is refused for sites, households, residents, courses, employers and postings', async () => {
    const site = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    const get = (who: Session, path: string) => async () => (await t.http.get(path).set(who.auth)).body;

    for (const f of ['name', 'regionCode', 'latitude', 'longitude'])
      await rejects(admin, `/api/v1/sites/${site.id}`, f, get(admin, `/api/v1/sites/${site.id}`));

    const h = await createHousehold(t.http, officer, site.id);
    for (const f of ['monitoringStatus', 'originRegionCode'])
      await rejects(officer, `/api/v1/households/${h.id}`, f, get(officer, `/api/v1/households/${h.id}`));

    const r = await createResident(t.http, officer, h.id);
    for (const f of ['name', 'birthDate', 'laborCapacity', 'employmentStatus'])
      await rejects(officer, `/api/v1/residents/${r.id}`, f, get(officer, `/api/v1/residents/${r.id}`));

    const c = await createCourse(t.http, provider);
    for (const f of ['title', 'capacity'])
      await rejects(provider, `/api/v1/courses/${c.id}`, f, get(provider, `/api/v1/courses/${c.id}`));

    const e = await employerWithRecord(t.http);
    await rejects(
      e.session,
      `/api/v1/employers/${e.employer.id}`,
      'name',
      get(e.session, `/api/v1/employers/${e.employer.id}`),
    );

    const p = await createPosting(t.http, e.session);
    for (const f of ['title', 'wageMin', 'industry'])
      await rejects(e.session, `/api/v1/postings/${p.id}`, f, get(e.session, `/api/v1/postings/${p.id}`));
  });

  it('still lets a field that may be empty be cleared', async () => {
    const site = await createSite(t.http, admin);
    const res = await t.http.patch(`/api/v1/sites/${site.id}`).set(admin.auth).send({ openedOn: null });
    expect(res.status).toBe(200);
  });
});
