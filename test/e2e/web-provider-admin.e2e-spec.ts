import { createTestApp, type TestApp } from '../support/app';
import { ADMIN, createSite, loginAdmin, staff, type Session } from '../support/factories';
import { seeker } from '../support/matching-factories';
import { createCourse } from '../support/training-factories';
import { csrfOf, webAgent } from '../support/web-factories';

/** The provider's and the admin's pages over HTTP: whose objects they reach (the journeys are in test/browser). */
describe('web: provider and admin pages', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let providerA: Session & { phone: string };
  let providerB: Session & { phone: string };
  let courseId: string;
  let enrollmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    const site = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    providerA = await staff(t.http, admin, 'provider');
    providerB = await staff(t.http, admin, 'provider');
    courseId = (await createCourse(t.http, providerA)).id;
    const resident = await seeker(t.http, officer, site.id);
    const e = await t.http
      .post(`/api/v1/courses/${courseId}/enrollments`)
      .set(officer.auth)
      .send({ residentId: resident.id });
    expect(e.status).toBe(201);
    enrollmentId = e.body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("another provider's course and trainees answer 404, and its completion cannot be recorded", async () => {
    const b = await webAgent(t, providerB.phone);
    expect((await b.get(`/provider/courses/${courseId}`)).status).toBe(404);
    expect((await b.get(`/provider/courses/${courseId}/edit`)).status).toBe(404);
    const home = await b.get('/provider').expect(200);
    expect(home.text).not.toContain(courseId);
    const refused = await b
      .post(`/provider/enrollments/${enrollmentId}/complete`)
      .type('form')
      .send({ _csrf: csrfOf(home.text) });
    expect(refused.status).toBe(404);
    const still = await t.http.get(`/api/v1/courses/${courseId}/enrollments`).set(providerA.auth);
    expect(still.body.items[0].status).toBe('enrolled');

    const a = await webAgent(t, providerA.phone);
    const page = await a.get(`/provider/courses/${courseId}`).expect(200);
    expect(page.text).toContain(`/provider/enrollments/${enrollmentId}/complete`);

    // A second tap on 结业 (a reload of the form post) says what happened instead of a 409 page.
    const post = () =>
      a
        .post(`/provider/enrollments/${enrollmentId}/complete`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), courseId });
    expect((await post()).headers.location).toMatch(`/provider/courses/${courseId}?done=completed`);
    const again = await post();
    expect(again.headers.location).toBe(`/provider/courses/${courseId}?done=cannot`);
    expect((await a.get(again.headers.location)).text).toContain('这一步做不了');
  });

  it('an admin cannot deactivate their own account, and is told so', async () => {
    const web = await webAgent(t, ADMIN.phone, ADMIN.password);
    const me = await t.http.get('/api/v1/me').set(admin.auth);
    const list = await web.get('/admin/users').expect(200);
    expect(list.text).not.toContain(`/admin/users/${me.body.id}/deactivate`);
    const res = await web
      .post(`/admin/users/${me.body.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfOf(list.text) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/users?done=self');
    expect((await web.get('/admin/users?done=self')).text).toContain('不能停用自己的账号');
    expect((await t.http.get('/api/v1/me').set(admin.auth)).status).toBe(200);
  });
});
