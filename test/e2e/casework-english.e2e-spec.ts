import { todayInPilotZone } from '../../src/kernel/clock';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { eventually } from '../support/notifications-factories';
import { createHousehold, createResident } from '../support/residents-factories';
import { csrfOf, webAgent } from '../support/web-factories';

/** Chinese characters and full-width punctuation. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

/**
 * What a page itself says, as text: its <title> and <main> (the top bar's brand and the switch
 * back to 中文 are Chinese on purpose), with the data the test knows to be Chinese taken out.
 */
function pageText(html: string, data: string[]): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const main = /<main id="main">([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  let text = `${title}\n${main}`.replace(/<[^>]+>/g, ' ').replace(/&#?\w+;/g, ' ');
  for (const d of data) text = text.split(d).join(' ');
  return text.replace(/\s+/g, ' ');
}

function chineseIn(text: string): string[] {
  return [...text.matchAll(CHINESE)].map((m) =>
    text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25),
  );
}

/** Issue 14: an officer who switched to English reads the casework pages in English. */
describe('the casework pages in English (e2e)', () => {
  let t: TestApp;
  let officer: Session & { phone: string };
  let siteId: string;
  let caseId: string;
  const today = todayInPilotZone();

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    const admin = await loginAdmin(t.http);
    const site = await createSite(t.http, admin, { name: `English casework site ${process.pid}` });
    siteId = site.id;
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    const h = await createHousehold(t.http, officer, site.id);
    await createResident(t.http, officer, h.id, { name: 'Xiang Chunhua' });
    caseId = await eventually(async () => {
      const res = await t.http.get(`/api/v1/cases?siteId=${site.id}`).set(officer.auth);
      return (res.body.items as { id: string; householdId: string }[]).find((c) => c.householdId === h.id)
        ?.id;
    });
  });
  afterAll(() => t.close());

  it('the queue, the dashboard and a case (with its error line and its log) have no Chinese word', async () => {
    const agent = await webAgent(t, officer.phone);
    await agent.get('/lang/en?next=%2Fofficer%2Fcases').expect(303);
    // The only Chinese data on these pages: the households' origin townships on the dashboard.
    const dashboardApi = await t.http.get('/api/v1/cases/dashboard').set(officer.auth).expect(200);
    const townships = (dashboardApi.body.townships as { name: string }[]).map((g) => g.name);

    const queue = await agent.get('/officer/cases').expect(200);
    expect(queue.text).toContain('<html lang="en">');
    const queueText = pageText(queue.text, []);
    expect(queueText).toContain('Xiang Chunhua’s household');
    expect(queueText).toMatch(/\d+ working days? left|Due today/);
    expect(chineseIn(queueText)).toEqual([]);

    const filtered = await agent.get(`/officer/cases?siteId=${siteId}&overdue=true&all=true`).expect(200);
    expect(chineseIn(pageText(filtered.text, []))).toEqual([]);

    const dashboard = await agent.get('/officer/cases/dashboard').expect(200);
    const dashboardText = pageText(dashboard.text, townships);
    expect(dashboardText).toContain(`English casework site ${process.pid}`);
    expect(dashboardText).toContain('1 household');
    expect(chineseIn(dashboardText)).toEqual([]);

    const page = await agent.get(`/officer/cases/${caseId}`).expect(200);
    expect(chineseIn(pageText(page.text, []))).toEqual([]);
    const bad = await agent
      .post(`/officer/cases/${caseId}/actions`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), kind: 'phone', outcome: 'unreachable', date: 'yesterday', note: 'rang twice' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Please check: Date');
    // Nothing the officer entered is lost: the form comes back as it was sent.
    expect(bad.text).toMatch(/<option value="phone" selected>/);
    expect(bad.text).toMatch(/<option value="unreachable" selected>/);
    expect(bad.text).toMatch(/<textarea[^>]*name="note"[^>]*>rang twice<\/textarea>/);
    expect(chineseIn(pageText(bad.text, []))).toEqual([]);

    const logged = await agent
      .post(`/officer/cases/${caseId}/actions`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        kind: 'phone',
        outcome: 'reached',
        date: today,
        note: 'wants tea work',
      });
    expect(logged.status).toBe(303);
    const after = await agent.get(String(logged.headers.location)).expect(200);
    const afterText = pageText(after.text, []);
    expect(afterText).toContain('Logged.');
    expect(afterText).toContain(`${today} Phone call (Reached): wants tea work`);
    expect(afterText).toContain('Being helped');
    expect(chineseIn(afterText)).toEqual([]);
  });
});
