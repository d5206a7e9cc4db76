import { join } from 'node:path';
import { todayInPilotZone } from '../../src/kernel/clock';
import type { Browser, BrowserContext } from 'playwright-core';
import { moveApplication } from '../support/applications-factories';
import {
  expectAccessible,
  fitsAndPasses,
  phoneContext,
  screenshot,
  signIn,
  startBrowserEnv,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { FIXTURES } from '../support/imports-factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';
import { createHousehold, residentAccount } from '../support/residents-factories';

async function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  await context.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  return context;
}

jest.setTimeout(180_000);

describe('officer pages in a browser', () => {
  let env: BrowserEnv;
  let site: { id: string };
  let officer: Session & { phone: string };
  let employer: EmployerFixture;
  let householdId: string;
  let residentId: string;
  let resident: Session;
  // The pilot's month (the dashboard's), not UTC's: they differ from 16:00 UTC on a month's last day.
  const month = todayInPilotZone().slice(0, 7);

  beforeAll(async () => {
    env = await startBrowserEnv({ worker: true });
    const http = env.t.http;
    const admin = await loginAdmin(http);
    site = await createSite(http, admin, { name: '文斗镇专干工作台测试安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
    employer = await employerWithRecord(http, { verifiedBy: officer });
    // An employer waiting for verification, for the verification queue.
    await employerWithRecord(http, { body: { name: '文斗镇新开的扶贫车间' } });
    const h = await createHousehold(http, officer, site.id);
    householdId = h.id;
    const acc = await residentAccount(http, officer, h.id);
    residentId = acc.resident.id;
    resident = acc.session;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the officer sees a hire on the dashboard and the household leave the zero-employment list (360 px)', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    expect(await page.locator('h1').textContent()).toBe('工作台');
    expect(await page.locator('#zero-employment-count').textContent()).toBe('1');
    expect(await page.locator('#active-placements-count').textContent()).toBe('0');
    // Charts are inline SVG, every bar a link to its list; nothing is wider than the phone.
    // (No skill gaps yet: no posting is open; no monthly charts before the first placement.)
    // (The skill-gap chart is left out of the count: other spec files of the run may have open
    // postings in reach of this site.)
    expect(await page.locator('svg.chart:not(section[aria-labelledby="c-gaps"] svg.chart)').count()).toBe(1);
    expect(await page.locator(`svg.chart a[href*="month=${month}"]`).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('还没有就业记录，暂无按月的数字');
    await fitsAndPasses(page, 'officer-01-dashboard-before');

    // The work queue lists the household, with the day it became zero-employment.
    await page.locator('#zero-employment-count').click();
    await page.waitForURL('**/officer/households?*zeroEmployment=true*');
    expect(await page.locator(`#household-list a[href="/officer/households/${householdId}"]`).count()).toBe(
      1,
    );
    expect(await page.locator('#household-list .risk').first().textContent()).toMatch(/起零就业，已 \d+ 天/);
    await expectAccessible(page);
    await screenshot(page, 'officer-02-zero-employment');

    // The household: members with masked national IDs (first 6 + last 4).
    await page.locator(`a[href="/officer/households/${householdId}"]`).click();
    await page.waitForURL(`**/officer/households/${householdId}`);
    expect(await page.locator('td.mono').first().textContent()).toMatch(/^\w{6}\*{8}\w{4}$/);
    await expectAccessible(page);
    await page.locator(`a[href="/officer/residents/${residentId}"]`).first().click();
    await page.waitForURL(`**/officer/residents/${residentId}`);
    expect(await page.locator('dd.mono').first().textContent()).toMatch(/^\w{6}\*{8}\w{4}$/);
    await expectAccessible(page);
    await screenshot(page, 'officer-03-resident');

    // The resident applies and the employer hires, through the API.
    const http = env.t.http;
    const posting = await openPosting(http, employer.session, { headcount: 3 });
    const applied = await http
      .post('/api/v1/applications')
      .set(resident.auth)
      .send({ postingId: posting.id });
    expect(applied.status).toBe(201);
    for (const status of ['viewed', 'interview', 'offered', 'hired']) {
      const r = await moveApplication(http, employer.session, applied.body.id as string, status);
      expect(r.status).toBe(200);
    }

    await page.goto('/officer');
    expect(await page.locator('#active-placements-count').textContent()).toBe('1');
    expect(await page.locator('#zero-employment-count').textContent()).toBe('0');
    const bar = page.locator(`svg.chart a[href*="month=${month}"]`);
    expect(await bar.getAttribute('aria-label')).toContain(`${month}：1 人开始工作`);
    // The posting still wants 2 people with its skill: the skill gap chart appears.
    expect(await page.locator('svg.chart').count()).toBe(4);
    await expectAccessible(page);
    await screenshot(page, 'officer-04-dashboard-after-hire');

    // The bar of this month leads to the placement.
    await page.goto(`/officer/placements?siteId=${site.id}&month=${month}`);
    expect(await page.locator('#placement-list li').count()).toBe(1);
    expect(await page.locator('#placement-list').textContent()).toContain(employer.employer.name);
    await expectAccessible(page);
    await screenshot(page, 'officer-05-placements-month');

    // The menu's 零就业 is the casework queue now; the household list stays behind the dashboard.
    await page.getByRole('link', { name: '零就业' }).click();
    await page.waitForURL('**/officer/cases');
    await page.goto('/officer/households?zeroEmployment=true');
    expect(await page.locator(`a[href="/officer/households/${householdId}"]`).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('现在没有零就业家庭');
    await expectAccessible(page);
    await screenshot(page, 'officer-06-zero-employment-empty');

    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('the other queues render and pass axe: matches, follow-ups, inbox, employers, exports', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, officer.phone);
    const pages: [string, string][] = [
      ['/officer/matches', '待推荐'],
      ['/officer/follow-ups', '待回访'],
      ['/officer/notifications', '消息'],
      ['/officer/employers', '待审核单位'],
      ['/officer/exports', '导出 Excel'],
      [`/officer/residents?siteId=${site.id}`, '居民'],
      ['/officer/placements?active=true', '就业记录'],
    ];
    for (const [path, h1] of pages) {
      const res = await page.goto(path);
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      expect(await page.locator('h1').textContent()).toBe(h1);
      await expectAccessible(page);
    }
    // The verification queue verifies with one button.
    await page.goto('/officer/employers');
    expect(await page.locator('main').textContent()).toContain('文斗镇新开的扶贫车间');
    await screenshot(page, 'officer-07-employers');
    await page.getByRole('button', { name: '核实通过' }).first().click();
    await page.waitForURL('**/officer/employers?done=verified');
    expect(await page.locator('main').textContent()).not.toContain('文斗镇新开的扶贫车间');

    // The exports are real .xlsx files, downloaded with the session cookie.
    await page.goto('/officer/exports');
    await screenshot(page, 'officer-08-exports');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '就业记录表' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a roster import shows its progress up to 100 % and the row errors', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, officer.phone);
    await page.goto('/officer/import');
    await expectAccessible(page);
    await page.getByLabel('花名册文件').setInputFiles(join(FIXTURES, 'roster-libreoffice.xlsx'));
    await screenshot(page, 'officer-09-import-form');
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/\/officer\/imports\/[0-9a-f-]{36}$/);
    // app.js polls the import and reloads the page when it is done.
    await page.locator('#import-percent', { hasText: '100%' }).waitFor({ timeout: 60_000 });
    await page.locator('#import-errors').waitFor({ timeout: 30_000 });
    expect(await page.locator('#import-bar').getAttribute('value')).toBe('100');
    expect(await page.locator('#import-status').textContent()).toBe('已完成');
    expect(await page.locator('#import-errors tbody tr').count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page);
    await screenshot(page, 'officer-10-import-done');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript the import page offers a reload link; on a desktop the dashboard passes axe', async () => {
    const context = await phoneContext(env, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, officer.phone);
    await page.goto('/officer/import');
    await page.getByLabel('花名册文件').setInputFiles(join(FIXTURES, 'roster-libreoffice.csv'));
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/\/officer\/imports\/[0-9a-f-]{36}$/);
    const url = page.url();
    for (let i = 0; i < 60; i++) {
      if ((await page.locator('#import-percent').textContent()) === '100%') break;
      await page.waitForTimeout(500);
      await page.goto(url);
    }
    expect(await page.locator('#import-percent').textContent()).toBe('100%');
    await screenshot(page, 'officer-11-import-no-js');
    await context.close();

    const desktop = await desktopContext(env.browser, env.baseUrl);
    const p2 = await desktop.newPage();
    const watch = watchPage(p2);
    await signIn(p2, officer.phone);
    await expectAccessible(p2);
    await screenshot(p2, 'officer-12-dashboard-desktop');
    await p2.goto('/officer/matches');
    await expectAccessible(p2);
    expect(watch.errors).toEqual([]);
    await desktop.close();
  });
});
