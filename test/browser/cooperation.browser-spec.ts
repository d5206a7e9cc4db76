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
import { createHousehold, createResident } from '../support/residents-factories';

jest.setTimeout(180_000);

/** Issue 17 §3 on a phone: an officer sends a batch and confirms an arrival; the liaison officer sees the batch. */
describe('east–west labour cooperation in a browser', () => {
  let env: BrowserEnv;
  let officer: Session & { phone: string };
  let liaison: Session & { phone: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    const admin = await loginAdmin(http);
    const site = await createSite(http, admin, { name: '文斗镇劳务协作安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
    liaison = await staff(http, admin, 'liaison');
    const h1 = await createHousehold(http, officer, site.id);
    const h2 = await createHousehold(http, officer, site.id);
    await createResident(http, officer, h1.id, { name: '谭春燕' });
    await createResident(http, officer, h2.id, { name: '向阳明' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the officer creates a batch of two and confirms one arrival; the retention checks are listed in the pilot calendar', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.goto('/officer/programmes/cooperation');
    await fitsAndPasses(page, 'cooperation-home-empty');
    await page.getByRole('link', { name: '新建输出批次' }).click();
    await page.waitForURL(/batches\/new$/);
    await page.getByLabel('交通方式').selectOption('train');
    await page.getByLabel('协作城市联络员手机号（可不填）').fill(liaison.phone);
    // Nobody picked: the form comes back with its fields kept and the error named.
    await page.getByRole('button', { name: '建立批次' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('随批外出的居民');
    expect(await page.getByLabel('协作城市联络员手机号（可不填）').inputValue()).toBe(liaison.phone);
    expect(await page.getByLabel('交通方式').inputValue()).toBe('train');
    await fitsAndPasses(page, 'cooperation-new-batch-error');
    await page.getByLabel('谭春燕').check();
    await page.getByLabel('向阳明').check();
    await page.getByRole('button', { name: '建立批次' }).click();
    await page.waitForURL(/done=created/);
    const today = todayInPilotZone();
    expect(await page.locator('h1').textContent()).toBe(`杭州 · ${today} 出发`);
    expect(await page.locator('main, body').first().textContent()).toContain('2 人，已到岗 0 人');
    await fitsAndPasses(page, 'cooperation-batch-created');

    const member = page.locator('li.member', { hasText: '谭春燕' });
    await member.getByLabel('用工企业（可不填）').fill('杭州某电子厂');
    await member.getByRole('button', { name: '确认到岗' }).click();
    await page.waitForURL(/done=arrival/);
    const arrived = page.locator('li.member', { hasText: '谭春燕' });
    const text = (await arrived.textContent()) ?? '';
    expect(text).toContain(`${today} 到岗`);
    expect(text).toContain('杭州某电子厂');
    expect(text).toContain(`到岗时 ${today}：今天到期`);
    expect(await arrived.locator('.retention li').count()).toBe(4);
    expect(await page.locator('li.member', { hasText: '向阳明' }).textContent()).toContain('已出发，未到岗');
    await fitsAndPasses(page, 'cooperation-batch-arrival');

    await page.goto('/officer/programmes/cooperation');
    expect(await page.locator('#coop-batches').textContent()).toContain('2 人，已到岗 1 人');
    expect(await page.locator('#coop-outcomes').textContent()).toContain('出发 2 · 到岗 1');
    await fitsAndPasses(page, 'cooperation-home');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("the liaison officer's page lists that batch: names and work status", async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, liaison.phone, { home: '/liaison' });
    const body = (await page.locator('main, body').first().textContent()) ?? '';
    expect(body).toContain('谭春燕：在岗');
    expect(body).toContain('向阳明：已出发，未到岗');
    await fitsAndPasses(page, 'cooperation-liaison');
    // Nothing else of the officers' pages.
    const res = await page.goto('/officer/programmes/cooperation');
    expect(res?.status()).toBe(403);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
