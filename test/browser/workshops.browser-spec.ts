import { monthsAgo } from '../support/applications-factories';
import {
  fitsAndPasses,
  phoneContext,
  signIn,
  startBrowserEnv,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { employerWithRecord, openPosting } from '../support/postings-factories';
import { createHousehold, createResident } from '../support/residents-factories';

jest.setTimeout(180_000);

/** Issue 17 §1: an officer registers a workshop from a phone and reads its quarter's state (API: test/e2e/workshops). */
describe('workshop register in a browser', () => {
  let env: BrowserEnv;
  let officer: Session & { phone: string };

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    const admin = await loginAdmin(http);
    const site = await createSite(http, admin, { name: '文斗镇长顺安置点' });
    officer = await staff(http, admin, 'officer', { siteIds: [site.id] });
    const employer = await employerWithRecord(http, {
      verifiedBy: officer,
      body: { kind: 'workshop', name: '长顺社区藤编帮扶车间' },
    });
    const posting = await openPosting(http, employer.session, { title: '藤编工', schedule: 'full_time' });
    for (let i = 0; i < 5; i += 1) {
      const h = await createHousehold(http, officer, site.id);
      const r = await createResident(http, officer, h.id);
      const p = await http
        .post('/api/v1/placements')
        .set(officer.auth)
        .send({
          residentId: r.id,
          postingId: posting.id,
          kind: 'workshop',
          startDate: monthsAgo(4),
          monthlyIncome: 2200,
        });
      if (p.status !== 201) throw new Error(`placement failed: ${p.status} ${JSON.stringify(p.body)}`);
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the menu opens the programmes; a workshop registered on a phone shows 正常运行 with its checklist', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page);
    await signIn(page, officer.phone);

    await page.getByRole('link', { name: '帮扶项目' }).click();
    await page.waitForURL(/\/officer\/programmes$/);
    expect(await page.locator('#programmes').textContent()).toContain('劳务协作');
    // The officer's menu keeps one line per item (no word broken over two lines).
    const heights = await page
      .locator('.nav a')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(50);
    await fitsAndPasses(page, 'programmes-hub');

    await page.locator('#programmes').getByRole('link', { name: '帮扶车间' }).click();
    await page.waitForURL(/\/officer\/programmes\/workshops/);
    expect(await page.textContent('main, body')).toContain('这个安置点还没有登记帮扶车间');
    await page.getByRole('link', { name: '登记帮扶车间' }).click();
    await page.waitForURL(/\/workshops\/new/);

    // Insurance with three decimals: refused by the server, and what was typed is still there.
    await page.getByLabel('经营主体').selectOption({ label: '长顺社区藤编帮扶车间' });
    await page.getByLabel('车间类型').selectOption({ label: '居家式' });
    await page.getByLabel(/认定文号/).fill('利人社〔2026〕7号');
    await page.getByLabel(/参保金额/).fill('18.555');
    await page.getByLabel('3 月').check();
    await page.getByRole('button', { name: '登记' }).click();
    expect(await page.locator('.field-error').first().textContent()).toContain('最多两位小数');
    expect(await page.getByLabel(/认定文号/).inputValue()).toBe('利人社〔2026〕7号');
    expect(await page.getByLabel('车间类型').inputValue()).toBe('home_based');
    expect(await page.getByLabel('3 月').isChecked()).toBe(true);
    await fitsAndPasses(page, 'workshop-form-error');

    await page.getByLabel('3 月').uncheck();
    await page.getByLabel(/参保金额/).fill('18');
    await page.getByRole('button', { name: '登记' }).click();
    await page.waitForURL(/done=registered/);
    const body = (await page.textContent('main, body')) ?? '';
    expect(body).toContain('已登记帮扶车间');
    expect(body).toContain('正常运行');
    expect(body).toContain('在岗 5 人，其中帮扶对象 5 人');
    expect(await page.locator('#upgrade-checklist li').count()).toBe(4);
    await fitsAndPasses(page, 'workshop-detail');

    await page.getByRole('link', { name: '返回帮扶车间列表' }).click();
    const card = page.locator('#workshops li', { hasText: '长顺社区藤编帮扶车间' });
    expect(await card.textContent()).toContain('正常运行');
    await fitsAndPasses(page, 'workshops-list');

    // The same hub in English: the menu still fits the phone.
    await page.goto('/lang/en?next=/officer/programmes');
    expect(await page.locator('h1').textContent()).toBe('Programmes');
    await fitsAndPasses(page, 'programmes-hub-en');
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
