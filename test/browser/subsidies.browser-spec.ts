import { todayInPilotZone } from '../../src/kernel/clock';
import { addDays } from '../../src/kernel/clock';
import {
  fitsAndPasses,
  phoneContext,
  signIn,
  startBrowserEnv,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { createHousehold, createResident } from '../support/residents-factories';

jest.setTimeout(180_000);

/** Issue 17 §2 on a phone: the transport subsidy's checklist marked, the claim filed, the roster offered. */
describe('subsidies in a browser', () => {
  let env: BrowserEnv;
  let officer: Session & { phone: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    const admin = await loginAdmin(http);
    const site = await createSite(http, admin, { name: '文斗镇补贴安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
    const h = await createHousehold(http, officer, site.id);
    const r = await createResident(http, officer, h.id, { name: '谭小燕' });
    const start = addDays(todayInPilotZone(), -100);
    const p = await http.post('/api/v1/placements').set(officer.auth).send({
      residentId: r.id,
      kind: 'away_from_home',
      partnerCity: '杭州',
      employerName: '杭州服装厂',
      startDate: start,
    });
    for (const d of [30, 95])
      await http
        .post(`/api/v1/placements/${p.body.id}/follow-ups`)
        .set(officer.auth)
        .send({ date: addDays(start, d), stillEmployed: true });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('marks the evidence, files the claim and offers the notice roster, at 360 px with no axe violations', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.goto('/officer/programmes/subsidies');
    const card = page.locator('#eligible li.card', { hasText: '谭小燕' });
    expect(await card.textContent()).toContain('600 元');
    expect(await card.textContent()).toContain('杭州（省外），已干 3 个月');
    expect(await card.textContent()).toContain('材料不齐');
    await fitsAndPasses(page, 'subsidies-eligible');

    await card.getByLabel('就业证明').selectOption('provided');
    await card.getByLabel('银行账户').selectOption('verified');
    await card.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=evidence/);
    const marked = page.locator('#eligible li.card', { hasText: '谭小燕' });
    expect(await marked.getByLabel('银行账户').inputValue()).toBe('verified');

    await marked.getByRole('button', { name: '申报' }).click();
    await page.waitForURL(/done=claim/);
    expect(await page.locator('body').textContent()).toContain('已申报。');
    expect(await page.locator('#claims').textContent()).toContain('谭小燕');
    const roster = page.getByRole('link', { name: /下载公示名单/ });
    expect(await roster.getAttribute('href')).toMatch(
      /^\/api\/v1\/exports\/subsidy-notice\.xlsx\?batch=[0-9a-f-]{36}$/,
    );
    const download = await page.request.get((await roster.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    await fitsAndPasses(page, 'subsidies-claimed');
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
