import { addWorkingDays, workingDaysBetween } from '../../src/casework/working-days';
import { todayInPilotZone } from '../../src/kernel/clock';
import {
  fitsAndPasses,
  phoneContext,
  signIn,
  startBrowserEnv,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { eventually } from '../support/notifications-factories';
import { createHousehold, createResident } from '../support/residents-factories';

jest.setTimeout(180_000);

/** Issue 15 item 4: the officer's queue shows the clock; a case page logs an action from a phone (the same form without JavaScript: test/e2e/casework). */
describe('casework in a browser', () => {
  let env: BrowserEnv;
  let officer: Session & { phone: string };
  let householdId: string;

  beforeAll(async () => {
    env = await startBrowserEnv({ worker: true });
    const http = env.t.http;
    const admin = await loginAdmin(http);
    const site = await createSite(http, admin, { name: '文斗镇帮扶安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
    const h = await createHousehold(http, officer, site.id);
    householdId = h.id;
    await createResident(http, officer, h.id, { name: '向春花' });
    await eventually(async () => {
      const res = await http.get(`/api/v1/cases?siteId=${site.id}`).set(officer.auth);
      return (res.body.items as { householdId: string }[]).some((c) => c.householdId === householdId);
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the queue shows the working days left; a phone call logged on the case page starts the help', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.goto('/officer/cases');
    const today = todayInPilotZone();
    const left = workingDaysBetween(today, addWorkingDays(today, 3));
    const card = page.locator('#case-queue li', { hasText: '向春花' });
    expect(await card.textContent()).toContain(`还剩 ${left} 个工作日`);
    await fitsAndPasses(page, 'casework-queue');

    await card.getByRole('link').click();
    await page.waitForURL(/\/officer\/cases\/[0-9a-f-]+$/);
    expect(await page.locator('h1').textContent()).toContain('向春花');
    await page.getByLabel('方式').selectOption('phone');
    await page.getByLabel('结果').selectOption('reached');
    await page.getByLabel('备注').fill('电话联系，想在附近茶厂上班');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=action/);
    expect(await page.locator('#case-actions').textContent()).toContain(
      '电话（已联系上）：电话联系，想在附近茶厂上班',
    );
    expect(await page.locator('main, body').first().textContent()).toContain('帮扶中');
    await fitsAndPasses(page, 'casework-case');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('the dashboard shows the site and the origin township at 360 px; the overdue number opens the filtered queue', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.goto('/officer/cases');
    await page.getByRole('link', { name: '按安置点、户籍乡镇统计' }).click();
    await page.waitForURL(/\/officer\/cases\/dashboard$/);
    const site = page.locator('#dashboard-sites li.card', { hasText: '文斗镇帮扶安置点' });
    // The case was contacted on the day it opened (the first test): 0 working days.
    expect(await site.locator('dd').nth(2).textContent()).toBe('0 个工作日'); // the median
    expect(await site.locator('dd').nth(4).textContent()).toContain('0/1 人');
    expect(await page.locator('#dashboard-townships li.card').count()).toBeGreaterThan(0);
    await fitsAndPasses(page, 'casework-dashboard');

    await site.locator('dd').nth(1).getByRole('link').click(); // 已超期
    await page.waitForURL(/overdue=true/);
    expect(await page.locator('#case-list-filter').textContent()).toContain('本安置点');
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
