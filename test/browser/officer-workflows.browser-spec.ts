import {
  expectAccessible,
  expectFitsPhone,
  phoneContext,
  screenshot,
  signIn,
  startBrowserEnv,
  transferredBytes,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { employerWithRecord, type EmployerFixture } from '../support/postings-factories';
import { createHousehold, createResident, type CreatedResident } from '../support/residents-factories';

jest.setTimeout(180_000);

/** Issue 13 items 6–9 and 12 on a 360 px phone, with JavaScript and without. */
describe('officer workflows in a browser', () => {
  let env: BrowserEnv;
  let site: { id: string };
  let officer: Session & { phone: string };
  let employer: EmployerFixture;
  let householdId: string;
  let head: CreatedResident;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    const admin = await loginAdmin(http);
    site = await createSite(http, admin, { name: '文斗镇工作流安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
    employer = await employerWithRecord(http, { verifiedBy: officer, body: { name: '文斗镇星斗茶叶合作社' } });
    const h = await createHousehold(http, officer, site.id);
    householdId = h.id;
    head = await createResident(http, officer, h.id, { name: '冉光明' });
    await createResident(http, officer, h.id, { name: '冉小芳' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a household is named by its head; from the resident page the officer records a placement and logs a contact, each confirmed (JavaScript on)', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.goto(`/officer/households?siteId=${site.id}`);
    const link = page.locator(`#household-list a[href="/officer/households/${householdId}"]`);
    expect(await link.textContent()).toBe('1 号 · 冉光明家');
    await expectAccessible(page);
    await link.click();
    await page.waitForURL(`**/officer/households/${householdId}`);
    expect(await page.locator('#household-name').textContent()).toBe('1 号 · 冉光明家');
    expect(await page.locator('main').textContent()).toContain('文斗镇');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'officer-wf-01-household');

    const path = `/officer/residents/${head.id}`;
    const bytes = await transferredBytes(page, () => page.goto(path));
    expect(bytes).toBeLessThan(20 * 1024);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'officer-wf-02-resident');

    await page.getByText('登记就业', { exact: true }).first().click();
    await page.getByLabel('本地企业').check();
    await page.getByLabel('已登记的用工单位').selectOption({ label: employer.employer.name });
    await page.getByLabel('月收入（元，可不填）').fill('3100');
    await page.getByRole('button', { name: '登记就业' }).click();
    await page.waitForURL(`**${path}?done=placement`);
    expect(await page.locator('.notice').textContent()).toContain('已登记就业');
    expect(await page.locator('#resident-placements').textContent()).toContain('文斗镇星斗茶叶合作社');
    await expectAccessible(page);
    await screenshot(page, 'officer-wf-03-placement-done');

    await page.getByText('记录联系', { exact: true }).first().click();
    await page.getByLabel('上门').check();
    await page.getByLabel('情况记录（可不填）').fill('已上岗，家里放心');
    await page.getByRole('button', { name: '保存联系记录' }).click();
    await page.waitForURL(`**${path}?done=contact`);
    expect(await page.locator('.notice').textContent()).toContain('已记录这次联系');
    expect(await page.locator('#resident-contacts').textContent()).toContain('已上岗，家里放心');

    // A contact dated in the future is refused; the tick and the note stay as entered.
    await page.getByText('记录联系', { exact: true }).first().click();
    await page.getByLabel('联系日期').fill('2999-01-01');
    await page.getByLabel('微信').check();
    await page.getByLabel('情况记录（可不填）').fill('约了下周面试');
    await page.getByRole('button', { name: '保存联系记录' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByLabel('微信').isChecked()).toBe(true);
    expect(await page.getByLabel('情况记录（可不填）').inputValue()).toBe('约了下周面试');
    expect(await page.getByLabel('联系日期').inputValue()).toBe('2999-01-01');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'officer-wf-04a-contact-error');
    await page.goto(path);

    await page.getByRole('button', { name: '显示电话' }).click();
    expect(await page.locator(`#resident-phone a[href="tel:${head.phoneClear!}"]`).count()).toBe(1);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'officer-wf-04-contact-phone');

    await page.goto(`/officer?siteId=${site.id}`);
    expect(await page.locator('#active-placements-count').textContent()).toBe('1');
    expect(await page.locator('main').textContent()).toMatch(/\d{4}年\d{2}月/);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'officer-wf-05-dashboard');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript a placement with one bad field comes back with every field and tick', async () => {
    const context = await phoneContext(env, { javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, officer.phone);
    await page.goto(`/officer/residents/${head.id}`);
    await page.getByText('登记就业', { exact: true }).first().click();
    await page.getByRole('radio', { name: '外出务工' }).check();
    await page.getByLabel('或填写单位名称').fill('杭州某服装厂');
    await page.getByLabel('开始日期').fill('2026-02-03');
    await page.getByLabel('月收入（元，可不填）').fill('很多');
    await page.getByLabel('务工地（外出务工必填，如 杭州）').fill('杭州');
    await page.getByRole('button', { name: '登记就业' }).click();
    await page.waitForLoadState('load');

    expect(await page.getByRole('radio', { name: '外出务工' }).isChecked()).toBe(true);
    expect(await page.getByLabel('或填写单位名称').inputValue()).toBe('杭州某服装厂');
    expect(await page.getByLabel('开始日期').inputValue()).toBe('2026-02-03');
    expect(await page.getByLabel('月收入（元，可不填）').inputValue()).toBe('很多');
    expect(await page.getByLabel('务工地（外出务工必填，如 杭州）').inputValue()).toBe('杭州');
    expect(await page.locator('.field-error').first().textContent()).toContain('0 到 1000000');
    // (axe and the width check need script in the page: the JavaScript-on test runs them on a refused form.)
    await screenshot(page, 'officer-wf-06-placement-error-nojs');
    await context.close();
  });
});
