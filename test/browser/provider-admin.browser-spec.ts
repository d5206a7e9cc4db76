import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
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
import {
  createSite,
  login,
  loginAdmin,
  PASSWORD,
  staff,
  uniquePhone,
  type Session,
  ADMIN,
} from '../support/factories';
import { seeker } from '../support/matching-factories';
import { employerWithRecord, openPosting } from '../support/postings-factories';
import { daysFromNow } from '../support/training-factories';

async function notice(page: Page): Promise<string> {
  return (await page.locator('.notice[role="status"]').textContent()) ?? '';
}

jest.setTimeout(240_000);

describe('training provider and admin pages in a browser (360 px)', () => {
  let env: BrowserEnv;
  let admin: Session;
  let site: { id: string };
  let officer: Session;
  let provider: Session & { phone: string };

  beforeAll(async () => {
    env = await startBrowserEnv({ worker: true });
    admin = await loginAdmin(env.t.http);
    site = await createSite(env.t.http, admin, { name: '文斗镇培训测试安置点' });
    officer = await staff(env.t.http, admin, 'officer', { siteIds: [site.id] });
    provider = await staff(env.t.http, admin, 'provider');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a provider opens a course, records attendance and completion; the resident gains the skill and is re-ranked', async () => {
    const http = env.t.http;
    const resident = await seeker(http, officer, site.id, { skills: [{ code: 'tea.picking', level: 2 }] });
    const employer = await employerWithRecord(http, { verifiedBy: officer });
    const posting = await openPosting(http, employer.session, {
      title: '茶厂制茶工',
      schedule: 'full_time',
      skills: [{ code: 'tea.processing', minLevel: 2, required: true }],
    });
    const scoreOf = async (): Promise<number> => {
      const r = await http.get(`/api/v1/residents/${resident.id}/recommendations`).set(officer.auth);
      expect(r.status).toBe(200);
      const hit = (r.body.postings as { postingId: string; score: number }[]).find(
        (p) => p.postingId === posting.id,
      );
      return hit?.score ?? 0;
    };
    const eventually = async (done: (score: number) => boolean): Promise<number> => {
      let score = await scoreOf();
      for (let i = 0; i < 60 && !done(score); i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        score = await scoreOf();
      }
      return score;
    };
    // The worker ranks the new posting first: without the skill it is a weak recommendation.
    const before = await eventually((score) => score > 0);
    expect(before).toBeGreaterThan(0);

    const context = await phoneContext(env, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, provider.phone, { home: '/provider' });
    expect(await page.locator('h1').textContent()).toBe('我的课程');
    expect(await page.locator('main').textContent()).not.toContain('即将上线');

    // The course form: one bad field keeps everything typed, the picked skill and its level too.
    await page.getByRole('link', { name: '开一门新课' }).first().click();
    await page.waitForURL('**/provider/courses/new');
    await page.getByLabel('课程名称').fill('茶叶加工技能培训班');
    await page.getByLabel('开课日期').fill(daysFromNow(3));
    await page.getByLabel('结课日期').fill(daysFromNow(1)); // before the first day: refused
    await page.getByLabel('上课地区').selectOption('422802107');
    await page.getByLabel('上课地点').fill('文斗镇安置点社区服务中心二楼');
    await page.getByLabel('名额（人）').fill('20');
    await page.getByLabel('补贴说明').fill('脱贫劳动力免费');
    await page.getByLabel('找技能').fill('制茶');
    await page.getByRole('button', { name: '找', exact: true }).click();
    await page.getByRole('checkbox', { name: '茶叶加工' }).check();
    await page.getByLabel('茶叶加工：学完达到').selectOption('2');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await page.locator('.field-error').first().textContent()).toContain('结课日期');
    expect(await page.getByLabel('课程名称').inputValue()).toBe('茶叶加工技能培训班');
    expect(await page.getByLabel('补贴说明').inputValue()).toBe('脱贫劳动力免费');
    expect(await page.getByRole('checkbox', { name: '茶叶加工' }).isChecked()).toBe(true);
    expect(await page.getByLabel('茶叶加工：学完达到').inputValue()).toBe('2');
    expect(await page.getByRole('checkbox', { name: '有培训补贴' }).isChecked()).toBe(true);
    await expectFitsPhone(page);
    await screenshot(page, 'provider-01-course-form-error');

    await page.getByLabel('结课日期').fill(daysFromNow(10));
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL('**/provider?done=created');
    expect(await notice(page)).toContain('课程已开好');
    await page.getByRole('link', { name: '茶叶加工技能培训班' }).click();
    await page.waitForURL('**/provider/courses/*');
    const courseId = new URL(page.url()).pathname.split('/').pop()!;

    // A session, typed in China time and shown back the same.
    await page.getByLabel('日期', { exact: true }).fill(daysFromNow(3));
    await page.getByLabel('开始时间').fill('07:30');
    await page.getByLabel('结束时间').fill('11:00');
    await page.getByRole('button', { name: '加一次课' }).click();
    await page.waitForURL(`**/provider/courses/${courseId}?done=session*`);
    expect(await notice(page)).toContain(`已加上 ${daysFromNow(3)} 的课`);
    expect(await page.locator('#session-list').textContent()).toContain(`${daysFromNow(3)} 07:30–11:00`);

    // The officer enrols the resident (the API); the provider takes attendance, then completion.
    const enrolled = await http
      .post(`/api/v1/courses/${courseId}/enrollments`)
      .set(officer.auth)
      .send({ residentId: resident.id });
    expect(enrolled.status).toBe(201);
    await page.reload();
    expect(await page.locator('#enrollment-list').textContent()).toContain(resident.name);
    await page.getByRole('button', { name: '记出勤' }).click();
    await page.waitForURL(`**/provider/courses/${courseId}?done=attended*`);
    expect(await notice(page)).toBe(`已记录 ${resident.name} 出勤。`);
    expect(await page.locator(`#enrollment-${enrolled.body.id} .status`).textContent()).toBe('在上课');
    await page.getByRole('button', { name: '结业' }).click();
    await page.waitForURL(`**/provider/courses/${courseId}?done=completed*`);
    expect(await notice(page)).toContain(`${resident.name} 已结业`);
    expect(await page.locator(`#enrollment-${enrolled.body.id} .status`).textContent()).toBe('已结业');
    await expectFitsPhone(page);
    await screenshot(page, 'provider-02-course-completed');

    // Editing starts from the saved course; a capacity of 0 is refused next to its field.
    await page.getByRole('link', { name: '修改课程' }).click();
    await page.waitForURL(`**/provider/courses/${courseId}/edit`);
    expect(await page.getByRole('checkbox', { name: '茶叶加工' }).isChecked()).toBe(true);
    await page.getByLabel('名额（人）').fill('0');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await page.locator('#f-capacity').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('课程名称').inputValue()).toBe('茶叶加工技能培训班');
    await page.getByLabel('名额（人）').fill('25');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(`**/provider/courses/${courseId}?done=saved`);
    expect(await notice(page)).toBe('课程已保存。');
    expect(await page.locator('main .facts').first().textContent()).toContain('已报名 1 人 / 共 25 个名额');
    await context.close();

    // The resident now holds the skill from the course, and the worker re-ranked them.
    const r = await http.get(`/api/v1/residents/${resident.id}`).set(officer.auth);
    expect(
      (r.body.skills as { code: string; level: number; source: string }[]).find(
        (s) => s.code === 'tea.processing',
      ),
    ).toMatchObject({
      level: 2,
      source: 'training',
    });
    const after = await eventually((score) => score > before);
    expect(after).toBeGreaterThan(before);
  });

  it('the provider pages pass axe-core, fit 360 px and stay under 20 KB on first load', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, provider.phone, { home: '/provider' });
    await expectAccessible(page);
    await screenshot(page, 'provider-03-courses');
    const first = await transferredBytes(page, () => page.goto('/provider/courses/new'));
    expect(first).toBeLessThan(20 * 1024);
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'provider-04-new-course');
    await page.goto('/provider');
    await page.locator('#course-list a').first().click();
    await page.waitForURL('**/provider/courses/*');
    await expectAccessible(page);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('dates on a page are China’s calendar between 16:00 and 24:00 UTC', async () => {
    const http = env.t.http;
    const resident = await seeker(http, officer, site.id);
    const course = await http
      .post('/api/v1/courses')
      .set(provider.auth)
      .send({
        title: '夜里报名的课',
        skills: [{ code: 'tea.picking', level: 2 }],
        startDate: daysFromNow(5),
        endDate: daysFromNow(6),
        regionCode: '422802107',
        address: '文斗镇',
        capacity: 5,
        subsidized: false,
      });
    expect(course.status).toBe(201);
    const e = await http
      .post(`/api/v1/courses/${course.body.id}/enrollments`)
      .set(officer.auth)
      .send({ residentId: resident.id });
    expect(e.status).toBe(201);
    // Enrolled at 03:49 on 2 March in China, which is 19:49 on 1 March in UTC.
    const ds = env.t.app.get<DataSource>(getDataSourceToken());
    await ds.query(`UPDATE enrollment SET created_at = '2026-03-01T19:49:00Z' WHERE id = $1`, [e.body.id]);

    const context = await phoneContext(env, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, provider.phone, { home: '/provider' });
    await page.goto(`/provider/courses/${course.body.id}`);
    expect(await page.locator(`#enrollment-${e.body.id}`).textContent()).toContain('2026-03-02 报名');
    await context.close();
  });

  it('an admin creates an officer with a scope and a site with a robot channel, and deactivates an account', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);
    await signIn(page, ADMIN.phone, { password: ADMIN.password, home: '/admin' });
    expect(await page.locator('main').textContent()).not.toContain('即将上线');
    await expectAccessible(page);
    await expectFitsPhone(page);
    await screenshot(page, 'admin-01-home');

    // A site with a WeCom robot.
    await page.getByRole('link', { name: '安置点' }).first().click();
    await page.waitForURL('**/admin/sites');
    await page.getByRole('link', { name: '新建安置点' }).click();
    await page.getByLabel('安置点名称').fill('文斗镇新建测试安置点');
    await page.getByLabel('所在乡镇').selectOption('422802107');
    await page.getByLabel('纬度').fill('30.07');
    await page.getByLabel('经度').fill('abc'); // refused, everything else kept
    await page.getByLabel('第 1 个渠道：类型').selectOption('wecom');
    await page
      .getByLabel('第 1 个渠道：机器人地址或邮箱')
      .fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await page.locator('.field-error').first().textContent()).toContain('经度');
    expect(await page.getByLabel('安置点名称').inputValue()).toBe('文斗镇新建测试安置点');
    expect(await page.getByLabel('第 1 个渠道：类型').inputValue()).toBe('wecom');
    await expectAccessible(page);
    await screenshot(page, 'admin-02-site-form-error');
    await page.getByLabel('经度').fill('108.76');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL('**/admin/sites?done=created*');
    expect(await notice(page)).toBe('已新建安置点 文斗镇新建测试安置点。');
    await expectAccessible(page);
    const sites = await env.t.http.get('/api/v1/sites?pageSize=100').set(admin.auth);
    const created = (sites.body.items as { name: string; id: string; channels: { type: string }[] }[]).find(
      (s) => s.name === '文斗镇新建测试安置点',
    );
    expect(created?.channels).toEqual([
      { type: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test' },
    ]);

    // An officer covering that site and a county.
    await page.goto('/admin/users');
    await expectAccessible(page);
    const phone = uniquePhone();
    await page.getByRole('radio', { name: '就业专干' }).check();
    await page.getByLabel('姓名').fill('向专干');
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('初始密码').fill(PASSWORD);
    await page.getByRole('checkbox', { name: '文斗镇新建测试安置点' }).check();
    await page.getByLabel('负责的地区代码（专干，可选）').fill('422802');
    await page.getByRole('button', { name: '开设账号' }).click();
    await page.waitForURL('**/admin/users?done=created*');
    expect(await notice(page)).toContain('已开设 向专干 的账号');
    expect(await page.locator('#user-list').textContent()).toContain('负责：文斗镇新建测试安置点，422802');
    await expectFitsPhone(page);
    await screenshot(page, 'admin-03-users');
    const me = await env.t.http.get('/api/v1/me').set((await login(env.t.http, phone)).auth);
    expect(me.body).toMatchObject({
      role: 'officer',
      scope: { siteIds: [created!.id], regionCodes: ['422802'] },
    });

    // Deactivating asks first, then the officer can no longer sign in.
    await page.getByRole('link', { name: '停用 向专干' }).click();
    await page.waitForURL('**/admin/users/*/deactivate');
    expect(await page.locator('main').textContent()).toContain('停用 向专干（就业专干）的账号？');
    await expectAccessible(page);
    await page.getByRole('button', { name: '确认停用' }).click();
    await page.waitForURL('**/admin/users?done=deactivated*');
    expect(await notice(page)).toContain('已停用 向专干 的账号');
    const refused = await env.t.http.post('/api/v1/auth/login').send({ phone, password: PASSWORD });
    expect(refused.status).toBe(401);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('/admin/queues sends a signed-out browser to sign in and loads nothing from third parties', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(env.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto('/admin/queues');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('手机号').fill(ADMIN.phone);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/queues**');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#root').count()).toBe(1);
    await screenshot(page, 'admin-04-queues');
    expect(foreign).toEqual([]);
    // Our CSP would block the stylesheet before any request is made: check the page itself too.
    const html = await (await page.request.get('/admin/queues')).text();
    expect(html).toContain('static/js/');
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    // Scripts still get the API's answer.
    const api = await env.t.http.get('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    await context.close();
  });
});
