import { hiringWorld, householdWithResident, type HiringWorld } from '../support/applications-factories';
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
import { openPosting } from '../support/postings-factories';

jest.setTimeout(180_000);

describe('resident and employer journeys in a phone browser', () => {
  let env: BrowserEnv;
  let w: HiringWorld;
  let residentPhone: string;
  let residentId: string;
  let postingId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const http = env.t.http;
    // The officer verifies the employer (hiringWorld); the employer publishes a tea-picking job
    // about 5 km from the resident's site, with a shuttle.
    w = await hiringWorld(http);
    const r = await householdWithResident(http, w, { resident: { name: '田秀英' } });
    residentPhone = (r.session as unknown as { phone: string }).phone;
    residentId = String(r.resident.id);
    postingId = (
      await openPosting(http, w.employer.session, {
        title: '明前春茶采摘工',
        description: '文斗镇茶园采春茶，按天结算。\n每天早上 7 点安置点门口坐班车。',
        latitude: 30.02,
        longitude: 108.71,
        shuttle: true,
        meals: true,
      })
    ).id;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a resident signs in, searches 采茶 and caicha, opens the posting and applies', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);

    // Signed out: the first screen has the search and the latest jobs.
    await page.goto('/');
    expect(await page.locator('main').textContent()).toContain('明前春茶采摘工');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'resident-01-guest-home');

    // A signed-out visitor on the posting signs in from its apply button and comes back.
    await page.goto(`/jobs/${postingId}`);
    await page.getByRole('link', { name: '登录后报名' }).click();
    await page.waitForURL('**/login?next=*');
    await signIn(page, residentPhone, { open: false, home: `/jobs/${postingId}` });

    // The first screen of a resident: jobs near their site, wage in words, distance, shuttle.
    await page.getByRole('link', { name: /^乐业/ }).click();
    await page.waitForURL((u) => u.pathname === '/');
    const home = (await page.locator('main').textContent()) ?? '';
    expect(home).toContain('田秀英');
    expect(home).toContain('明前春茶采摘工');
    expect(home).toContain('每天 120–180 元');
    expect(home).toMatch(/30 分钟以内 · 约 \d+ 分钟（估计）/);
    expect(home).toContain('有班车接送');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'resident-02-home');

    // Search in Chinese …
    await page.getByRole('link', { name: '找工作', exact: true }).click();
    await page.waitForURL('**/jobs');
    await page.getByLabel('想找什么工作？').fill('采茶');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL('**/jobs?q=*');
    expect(await page.getByRole('link', { name: '明前春茶采摘工', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'resident-03-search-caicha-hanzi');

    // … and in pinyin, with a filter chip on.
    await page.getByLabel('想找什么工作？').fill('caicha');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL('**/jobs?q=caicha*');
    await page.getByRole('link', { name: '有班车' }).click();
    await page.waitForURL('**shuttle=1*');
    expect(await page.getByRole('link', { name: '明前春茶采摘工', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'resident-04-search-pinyin-chip');

    // The posting in plain words, then one big button.
    await page.getByRole('link', { name: '明前春茶采摘工', exact: true }).click();
    await page.waitForURL(`**/jobs/${postingId}`);
    const posting = (await page.locator('main').textContent()) ?? '';
    expect(posting).toContain('有班车从安置点接送');
    expect(posting).toContain('包吃');
    expect(posting).toContain('采茶');
    const apply = page.getByRole('button', { name: '我要报名' });
    const box = await apply.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(page);
    await screenshot(page, 'resident-05-posting');
    await apply.click();
    await page.waitForURL(`**/jobs/${postingId}?applied=1`);
    expect(await page.locator('.notice').first().textContent()).toContain('报名成功');
    await expectAccessible(page);
    await screenshot(page, 'resident-06-applied');

    // Their own pages.
    await page.getByRole('link', { name: '我的报名', exact: true }).click();
    await page.waitForURL('**/my/applications');
    expect(await page.locator('main').textContent()).toContain('已报名，等企业看');
    await expectAccessible(page);
    await screenshot(page, 'resident-07-my-applications');
    for (const path of ['/my/recommendations', '/my/notifications', '/my/profile?skillq=caicha']) {
      await page.goto(path);
      await expectAccessible(page);
      await expectFitsPhone(page);
    }
    await screenshot(page, 'resident-08-profile-skill-search');

    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('the employer sees the applicant and moves them to hired; the placement exists', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, w.employer.session.phone, { home: null });
    await page.waitForURL('**/employer');
    expect(await page.locator('main').textContent()).toContain('已审核');
    await expectAccessible(page);
    await screenshot(page, 'employer-01-home');

    await page.getByRole('link', { name: '管理招工信息' }).click();
    await page.waitForURL('**/employer/postings');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'employer-02-postings');

    await page.goto(`/employer/postings/${postingId}/applicants`);
    expect(await page.locator('main').textContent()).toContain('田秀英');
    await expectAccessible(page);
    await screenshot(page, 'employer-03-applicants');
    for (const [button, status] of [
      // The employer's chips speak of the applicant (status-vocabulary.ts), not to the resident.
      ['标记已看', '已看过'],
      ['约面试', '已约面试'],
      ['决定录用', '已决定录用'],
      ['已上岗', '已上岗'],
    ]) {
      await page.getByRole('button', { name: button }).click();
      await page.waitForURL('**/applicants?moved=*');
      expect(await page.locator('main .status').first().textContent()).toBe(status);
    }
    expect(await page.locator('.notice').first().textContent()).toContain('已上岗，已记录');
    await expectAccessible(page);
    await screenshot(page, 'employer-04-hired');

    const placements = await env.t.http
      .get('/api/v1/placements')
      .query({ residentId })
      .set(w.siteOfficer.auth)
      .expect(200);
    expect(placements.body.items).toEqual([expect.objectContaining({ residentId, postingId })]);

    // The other employer pages pass the same checks.
    for (const path of ['/employer/postings/new', `/employer/postings/${postingId}/candidates`]) {
      await page.goto(path);
      await expectAccessible(page);
      await expectFitsPhone(page);
    }
    await page.goto('/employer/postings/new');
    await page.getByLabel('找手艺').fill('caicha');
    await page.getByRole('button', { name: '找', exact: true }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('checkbox', { name: '采茶', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'employer-05-new-posting-skill-search');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('the employer sets 上班时间 and 下班时间 on a new posting; a refused save keeps them; the posting page shows them', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, w.employer.session.phone, { home: null });
    await page.waitForURL('**/employer');
    await page.goto('/employer/postings/new');
    await page.getByLabel('岗位名称').fill('包装车间早班');
    await page.getByLabel('工作介绍').fill('茶叶装袋，站着干活。');
    await page.getByLabel('最低工资（元）').fill('150');
    await page.getByLabel('最高工资（元）').fill('120');
    await page.getByLabel('上班时间（选填）').fill('07:00');
    await page.getByLabel('下班时间（选填）').fill('17:00');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForLoadState('load');
    // Refused by the server (the highest wage is below the lowest): every field is kept.
    expect(await page.locator('#wageMax-error').textContent()).toContain('最高工资不能比最低工资低');
    expect(await page.getByLabel('上班时间（选填）').inputValue()).toBe('07:00');
    expect(await page.getByLabel('下班时间（选填）').inputValue()).toBe('17:00');
    expect(await page.getByLabel('岗位名称').inputValue()).toBe('包装车间早班');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'employer-06-posting-shift-kept');

    await page.getByLabel('最高工资（元）').fill('180');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL('**/employer/postings?done=saved');
    await page.getByRole('link', { name: '包装车间早班' }).click();
    await page.waitForURL('**/jobs/*');
    expect(await page.locator('dl.summary').textContent()).toContain('上班 07:00–17:00');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'employer-07-posting-shift-shown');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a resident page weighs < 100 KB on first load and < 20 KB on the next page', async () => {
    const signInCtx = await phoneContext(env);
    const p1 = await signInCtx.newPage();
    await signIn(p1, residentPhone, { home: '/' });
    const cookies = await signInCtx.cookies();
    await signInCtx.close();

    const context = await phoneContext(env);
    await context.addCookies(cookies);
    const page = await context.newPage();
    const first = await transferredBytes(page, () => page.goto('/'));
    expect(await page.locator('.card.job').count()).toBeGreaterThan(0);
    const next = await transferredBytes(page, () =>
      page.getByRole('link', { name: '明前春茶采摘工', exact: true }).first().click(),
    );
    expect(page.url()).toContain(`/jobs/${postingId}`);
    const search = await transferredBytes(page, () => page.goto('/jobs?q=caicha'));
    console.log(`resident page weight: first ${first} B, posting ${next} B, search ${search} B`);
    expect(first).toBeLessThan(100 * 1024);
    expect(next).toBeLessThan(20 * 1024);
    expect(search).toBeLessThan(20 * 1024);
    await context.close();
  });
});
