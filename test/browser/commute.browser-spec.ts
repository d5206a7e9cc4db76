import {
  fitsAndPasses,
  phoneContext,
  signIn,
  startBrowserEnv,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';

jest.setTimeout(180_000);

/** Issue 16: the officer keeps the site's travel times from a phone (the API twin: test/e2e/travel-times). */
describe('travel times in a browser', () => {
  let env: BrowserEnv;
  let officer: Session & { phone: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    const admin = await loginAdmin(http);
    const site = await createSite(http, admin, { name: '沙坝安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the officer adds a bus, fixes a mistake the form kept, and deletes a row, at 360 px', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.getByRole('link', { name: '通勤时间表' }).click();
    await page.waitForURL(/\/officer\/sites\/[0-9a-f-]+\/travel-times$/);
    expect(await page.locator('h1').textContent()).toBe('沙坝安置点 通勤时间');
    expect(await page.locator('main, body').first().textContent()).toContain('还没有记录');
    await fitsAndPasses(page, 'commute-empty');

    // A mistake: 7.30 is not a time. Everything typed stays.
    await page.getByLabel('目的地地区代码').fill('422802101');
    await page.getByLabel('方式').selectOption('bus');
    await page.getByLabel('单程分钟').fill('70');
    await page.getByLabel('票价（元）').fill('8');
    await page.getByLabel('首班出发（从安置点）').fill('7.30');
    await page.getByLabel('末班返回（回安置点）').fill('18:00');
    for (const d of ['一', '二', '三', '四', '五']) await page.getByLabel(d, { exact: true }).check();
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.waitForLoadState();
    expect(await page.locator('#f-firstDeparture-error, .field-error').first().textContent()).toContain(
      '07:30',
    );
    expect(await page.getByLabel('目的地地区代码').inputValue()).toBe('422802101');
    expect(await page.getByLabel('单程分钟').inputValue()).toBe('70');
    expect(await page.getByLabel('末班返回（回安置点）').inputValue()).toBe('18:00');
    expect(await page.getByLabel('五', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('六', { exact: true }).isChecked()).toBe(false);
    await fitsAndPasses(page, 'commute-form-error');

    await page.getByLabel('首班出发（从安置点）').fill('07:30');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.waitForURL(/done=added/);
    const card = page.locator('#travel-times li', { hasText: '422802101' });
    const text = await card.textContent();
    expect(text).toContain('公交 · 70 分钟');
    expect(text).toContain('07:30 / 18:00');
    expect(text).toContain('一、二、三、四、五');
    expect(text).toContain('实测');
    await fitsAndPasses(page, 'commute-table');

    // A second row, then delete it.
    await page.getByLabel('地点名称').fill('东城工业园');
    await page.getByLabel('纬度').fill('30.3');
    await page.getByLabel('经度').fill('108.9');
    await page.getByLabel('方式').selectOption('ebike');
    await page.getByLabel('单程分钟').fill('35');
    await page.getByLabel('估计').check();
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.waitForURL(/done=added/);
    expect(await page.locator('#travel-times li').count()).toBe(2);
    await page
      .locator('#travel-times li', { hasText: '东城工业园' })
      .getByRole('button', { name: '删除' })
      .click();
    await page.waitForURL(/done=deleted/);
    expect(await page.locator('#travel-times li').count()).toBe(1);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
