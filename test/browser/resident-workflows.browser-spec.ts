import type { Page } from 'playwright-core';
import { hiringWorld, householdWithResident, type HiringWorld } from '../support/applications-factories';
import {
  axeViolations,
  phoneContext,
  screenshot,
  startBrowserEnv,
  transferredBytes,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { PASSWORD, staff } from '../support/factories';
import { openPosting } from '../support/postings-factories';

/** Issue 13's resident points in a 360 px phone browser, with JavaScript on and off. */

/** axe and layout checks run in the page: only with JavaScript (without, the page cannot run them). */
async function expectAccessible(page: Page, js = true): Promise<void> {
  if (!js) return;
  const violations = await axeViolations(page);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

async function expectFitsPhone(page: Page, js = true): Promise<void> {
  if (!js) return;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** The header menu is one row: every item starts at the same height. */
async function menuRows(page: Page): Promise<{ items: number; rows: number }> {
  const tops = await page.$$eval('nav[aria-label] ul.nav > li', (els) =>
    els.map((e) => Math.round(e.getBoundingClientRect().top)),
  );
  return { items: tops.length, rows: new Set(tops).size };
}

async function signIn(page: Page, phone: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

jest.setTimeout(240_000);

describe('resident workflows (issue 13)', () => {
  let env: BrowserEnv;
  let w: HiringWorld;
  let residentPhone: string;
  let residentAuth: { Authorization: string };
  let postingId: string;
  let siteName: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    w = await hiringWorld(http);
    const r = await householdWithResident(http, w, { resident: { name: '向春花' } });
    residentPhone = (r.session as unknown as { phone: string }).phone;
    residentAuth = r.session.auth;
    postingId = (
      await openPosting(http, w.employer.session, {
        title: '帮扶车间缝纫工',
        description: '安置点帮扶车间，计件。',
        latitude: 30.02,
        longitude: 108.71,
      })
    ).id;
    const site = await http.get(`/api/v1/sites/${w.site.id}`).set(w.admin.auth).expect(200);
    siteName = String(site.body.name);
  });
  afterAll(async () => {
    await env?.close();
  });

  for (const js of [false, true]) {
    it(`withdraw asks first, then the resident may apply again (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const context = await phoneContext(env, { javaScriptEnabled: js });
      const page = await context.newPage();
      const watch = watchPage(page);
      const tag = js ? 'js' : 'nojs';
      await signIn(page, residentPhone);

      await page.goto(`/jobs/${postingId}`);
      if (await page.getByRole('button', { name: '我要报名' }).count()) {
        await page.getByRole('button', { name: '我要报名' }).click();
        await page.waitForURL(`**/jobs/${postingId}?applied=1`);
      }
      // Applied: the posting says so instead of offering 我要报名 again.
      await page.goto(`/jobs/${postingId}`);
      expect(await page.locator('#apply').textContent()).toContain('您已经报名了：已报名，等企业看');
      expect(await page.getByRole('button', { name: '我要报名' }).count()).toBe(0);

      // The menu's 我的报名; one tap on 撤回报名 only asks.
      await page.getByRole('link', { name: '我的报名', exact: true }).click();
      await page.waitForURL('**/my/applications');
      const confirm = page.getByRole('button', { name: '确定撤回' });
      expect(await confirm.isVisible()).toBe(false);
      await page.locator('summary', { hasText: '撤回报名' }).click();
      expect(await confirm.isVisible()).toBe(true);
      expect(await page.locator('details.confirm').textContent()).toContain(
        '确定撤回「帮扶车间缝纫工」的报名吗',
      );
      await expectAccessible(page, js);
      await expectFitsPhone(page, js);
      await screenshot(page, `workflows-01-withdraw-ask-${tag}`);
      await confirm.click();
      await page.waitForURL('**/my/applications?done=withdrawn');
      expect(await page.locator('.notice').first().textContent()).toContain('已撤回报名');
      expect(await page.locator('main .status').first().textContent()).toBe('已撤回报名');

      // Apply again: the posting offers it, says why, and it works.
      await page.getByRole('link', { name: '帮扶车间缝纫工' }).first().click();
      await page.waitForURL(`**/jobs/${postingId}`);
      expect(await page.locator('#apply').textContent()).toContain('您撤回过这个报名');
      await expectAccessible(page, js);
      await screenshot(page, `workflows-02-apply-again-${tag}`);
      await page.getByRole('button', { name: '我要报名' }).click();
      await page.waitForURL(`**/jobs/${postingId}?applied=1`);
      expect(await page.locator('.notice').first().textContent()).toContain('报名成功');
      await page.goto('/my/applications');
      const statuses = await page.locator('main .status').allTextContents();
      expect(statuses).toContain('已报名，等企业看');
      expect(statuses).toContain('已撤回报名');

      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }

  it('notifications link to their object; the menu is one row of five for a resident, one row for every role', async () => {
    const http = env.t.http;
    const apps = await http
      .get('/api/v1/applications')
      .query({ postingId })
      .set(w.employer.session.auth)
      .expect(200);
    let live = apps.body.items.find((a: { status: string }) => a.status === 'applied') as
      { id: string } | undefined;
    // Run alone (jest -t), the withdraw tests have not left a live application.
    live ??= (await http.post('/api/v1/applications').set(residentAuth).send({ postingId }).expect(201))
      .body as { id: string };
    await http
      .patch(`/api/v1/applications/${live.id}`)
      .set(w.employer.session.auth)
      .send({ status: 'viewed' })
      .expect(200);

    const context = await phoneContext(env);
    const page = await context.newPage();
    await signIn(page, residentPhone);
    expect(await menuRows(page)).toEqual({ items: 5, rows: 1 });
    await page.goto('/?lang=en');
    expect(await menuRows(page)).toEqual({ items: 5, rows: 1 });
    await expectFitsPhone(page);
    await screenshot(page, 'workflows-03a-resident-menu-en');
    await page.goto('/?lang=zh');
    await page.getByRole('link', { name: '消息', exact: true }).click();
    await page.waitForURL('**/my/notifications');
    const note = page.locator('li.card', { hasText: '企业已看过' }).first();
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'workflows-03-notifications');
    const bytes = await transferredBytes(page, () => note.getByRole('link', { name: '去看看' }).click());
    expect(bytes).toBeLessThan(20 * 1024);
    await page.waitForURL(`**/jobs/${postingId}#apply`);
    expect(await page.locator('#apply').textContent()).toContain('企业已看过');

    await page.goto('/my/profile');
    await screenshot(page, 'workflows-04-profile-more');
    await page.getByRole('link', { name: '我的账号（手机号、安置点）' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL((u) => u.pathname === '/');

    // Every other role's menu fits one row at 360 px too, in Chinese and in English.
    const phoneOf = (s: unknown) => (s as { phone: string }).phone;
    const provider = await staff(http, w.admin, 'provider');
    const admin = await staff(http, w.admin, 'admin');
    for (const phone of [w.employer.session.phone, phoneOf(w.siteOfficer), provider.phone, admin.phone]) {
      await signIn(page, phone);
      for (const lang of ['en', 'zh']) {
        await page.goto(`${new URL(page.url()).pathname}?lang=${lang}`);
        expect([phone, lang, await menuRows(page)]).toEqual([
          phone,
          lang,
          expect.objectContaining({ rows: 1 }),
        ]);
        await expectFitsPhone(page);
      }
      await screenshot(page, `workflows-05-menu-${phone.slice(-4)}`);
      await page.getByRole('button', { name: '退出' }).click();
      await page.waitForURL((u) => u.pathname === '/');
    }
    await context.close();
  });

  for (const js of [false, true]) {
    it(`a visitor picks a site and sees 「从 X：… 约 N 分钟（估计）」, remembered (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const context = await phoneContext(env, { javaScriptEnabled: js });
      const page = await context.newPage();
      await page.goto('/jobs');
      expect(await page.locator('main').textContent()).not.toMatch(/公里/);
      await page.getByLabel('您住哪个安置点？').selectOption(w.site.id);
      await page.getByRole('button', { name: '按离我近的看' }).click();
      await page.waitForURL('**/jobs?site=*');
      const card = page.locator('li.card', { hasText: '帮扶车间缝纫工' });
      expect(await card.textContent()).toMatch(new RegExp(`从 ${siteName}：.*约 \\d+ 分钟（估计）`));
      await expectAccessible(page, js);
      await expectFitsPhone(page, js);
      await screenshot(page, `workflows-06-visitor-site-${js ? 'js' : 'nojs'}`);

      // Remembered: the first screen and the posting measure from the same site.
      await page.goto('/');
      expect(await page.getByLabel('您住哪个安置点？').inputValue()).toBe(w.site.id);
      expect(await page.locator('main').textContent()).toMatch(new RegExp(`从 ${siteName}：.*约 \\d+ 分钟（估计）`));
      await page.goto(`/jobs/${postingId}`);
      expect(await page.locator('dl.summary').textContent()).toMatch(
        new RegExp(`从 ${siteName} 过去.*约 \\d+ 分钟（估计）直线 \\d+\\.\\d 公里`),
      );
      await expectAccessible(page, js);
      await screenshot(page, `workflows-07-visitor-posting-${js ? 'js' : 'nojs'}`);
      await context.close();
    });
  }

  it('every resident form with one bad field keeps every tick, select and text that was entered', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    await signIn(page, residentPhone);

    // The profile: two industries, one schedule, three yes/no ticks, a wage; the distance is wrong.
    await page.goto('/my/profile');
    const industry = (v: string) => page.locator(`input[name="industries"][value="${v}"]`);
    for (const v of ['tea', 'garments', 'construction']) await industry(v).check();
    await industry('construction').uncheck();
    const schedules = page.locator('input[name="schedules"]');
    await schedules.nth(1).check();
    const flags = ['willingToWorkAway', 'consentToShare', 'jobAlerts'];
    for (const f of flags) await page.locator(`input[name="${f}"]`).check();
    await page.locator('input[name="wageMin"]').fill('3200');
    await page.locator('input[name="maxCommuteMinutes"]').fill('-5');
    const ticked = await page.$$eval('form input[type=checkbox]:checked', (els) =>
      els.map((e) => `${(e as HTMLInputElement).name}=${(e as HTMLInputElement).value}`),
    );
    expect(ticked.length).toBeGreaterThanOrEqual(6);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/my/profile') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(res.status()).toBe(400);
    await page.waitForLoadState('load');
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(
      await page.$$eval('form input[type=checkbox]:checked', (els) =>
        els.map((e) => `${(e as HTMLInputElement).name}=${(e as HTMLInputElement).value}`),
      ),
    ).toEqual(ticked);
    expect(await page.locator('input[name="wageMin"]').inputValue()).toBe('3200');
    expect(await page.locator('input[name="maxCommuteMinutes"]').inputValue()).toBe('-5');
    await expectAccessible(page);
    await screenshot(page, 'workflows-08-profile-error-keeps-ticks');
    // Fixed, it saves every tick and says so.
    await page.locator('input[name="maxCommuteMinutes"]').fill('45');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL('**/my/profile?done=saved');
    expect(await page.locator('.notice').first().textContent()).toContain('已保存');
    expect(
      await page.$$eval('form input[type=checkbox]:checked', (els) =>
        els.map((e) => `${(e as HTMLInputElement).name}=${(e as HTMLInputElement).value}`),
      ),
    ).toEqual(ticked);

    // The job filters: industry and schedule selects, a query, a wage that is not a number.
    await page.goto('/jobs?q=%E7%BC%9D%E7%BA%AB');
    await page.locator('details.more summary').click();
    await page.getByLabel('行业').selectOption('garments');
    const schedule = await page.locator('select[name="schedule"] option').nth(1).getAttribute('value');
    await page.locator('select[name="schedule"]').selectOption(schedule);
    await page.locator('details.more input[name="wageMin"]').fill('-1');
    await page.locator('details.more button[type=submit]').click();
    await page.waitForURL('**/jobs?*');
    expect(await page.getByLabel('想找什么工作？').inputValue()).toBe('缝纫');
    // The filters stay open, with the message beside the wage.
    expect(await page.locator('details.more').getAttribute('open')).not.toBeNull();
    expect(await page.getByLabel('行业').inputValue()).toBe('garments');
    expect(await page.locator('select[name="schedule"]').inputValue()).toBe(schedule);
    expect(await page.locator('details.more input[name="wageMin"]').inputValue()).toBe('-1');
    expect(await page.locator('#wageMin-error').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'workflows-09-jobs-filter-error');
    await context.close();
  });
});
