import {
  expectAccessible,
  fitsAndPasses,
  phoneContext,
  screenshot,
  startBrowserEnv,
  transferredBytes,
  watchPage,
  type BrowserEnv,
} from '../support/browser';
import { createSite, lastSmsCode, loginAdmin, PASSWORD, uniquePhone } from '../support/factories';

jest.setTimeout(120_000);

describe('web foundation in a phone browser', () => {
  let env: BrowserEnv;
  let site: { id: string };
  const phone = uniquePhone();

  beforeAll(async () => {
    env = await startBrowserEnv();
    site = await createSite(env.t.http, await loginAdmin(env.t.http), { name: '文斗镇幸福家园安置点' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a resident registers, switches language, signs out and in again on a 360 px screen', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    const watch = watchPage(page);

    await page.goto('/');
    expect(await page.locator('h1').textContent()).toBe('附近有什么工作？');
    // Nothing is wider than the phone.
    await fitsAndPasses(page, 'web-01-guest-home');

    await page.getByRole('link', { name: '没有账号？注册' }).click();
    await page.waitForURL('**/register');
    // A wrong phone comes back with the message next to the field and the name still there.
    await page.getByLabel('姓名').fill('田小梅');
    await page.getByLabel('手机号').fill('123');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('我住在哪个安置点').selectOption(site.id);
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#phone-error').textContent()).toContain('11 位手机号');
    expect(await page.getByLabel('姓名').inputValue()).toBe('田小梅');
    await expectAccessible(page);
    await screenshot(page, 'web-02-register-error');

    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '注册' }).click();
    // Step two: the code the SMS brought (the dev outbox holds it).
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('输入短信验证码');
    await expectAccessible(page);
    await screenshot(page, 'web-02b-register-code');
    await page.getByLabel('验证码').fill(lastSmsCode(phone));
    await page.getByRole('button', { name: '完成注册' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.locator('.greeting').textContent()).toContain('田小梅');
    await expectAccessible(page);
    await screenshot(page, 'web-03-resident-home');

    // Touch targets: every link and button in the header is at least 44 px high.
    const heights = await page.$$eval('header a, header button', (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().height)),
    );
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForLoadState('load');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Is there work near home?');
    // A resident reaches the account page from My details (the menu has five items).
    await page.getByRole('link', { name: 'My details', exact: true }).click();
    await page.waitForURL('**/my/profile');
    await page.getByRole('link', { name: 'My account (phone, site)' }).click();
    await page.waitForURL('**/account');
    expect(await page.locator('main').textContent()).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    await expectAccessible(page);
    await screenshot(page, 'web-04-account-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByRole('link', { name: 'Sign in to find work' }).count()).toBe(1);

    // The protected page now asks to sign in, and returns there afterwards.
    await page.goto('/account');
    await page.waitForURL('**/login?next=%2Faccount');
    await page.getByLabel('Mobile number').fill(phone);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');
    await expectAccessible(page);

    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('signs in and submits without JavaScript', async () => {
    const context = await phoneContext(env, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.locator('.greeting').textContent()).toContain('田小梅');
    await screenshot(page, 'web-05-home-without-js');
    await context.close();
  });

  it('refuses a form posted without its CSRF token (403 page)', async () => {
    const context = await phoneContext(env);
    const page = await context.newPage();
    await page.goto('/login');
    await page.evaluate(() => document.querySelector('input[name="_csrf"]')?.remove());
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('密码').fill(PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '登录' }).click(),
    ]);
    expect(response.status()).toBe(403);
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('不能这样操作');
    await expectAccessible(page);
    await screenshot(page, 'web-06-csrf-403');
    // And the 404 page lives in the same layout.
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expectAccessible(page);
    await context.close();
  });

  it('a resident page weighs < 100 KB on first load and < 20 KB on the next page', async () => {
    const signIn = await phoneContext(env);
    const p1 = await signIn.newPage();
    await p1.goto('/login');
    await p1.getByLabel('手机号').fill(phone);
    await p1.getByLabel('密码').fill(PASSWORD);
    await p1.getByRole('button', { name: '登录' }).click();
    await p1.waitForURL((u) => u.pathname === '/');
    const cookies = await signIn.cookies();
    await signIn.close();

    // A fresh browser (empty cache) that holds only the session cookie.
    const context = await phoneContext(env);
    await context.addCookies(cookies);
    const page = await context.newPage();
    const first = await transferredBytes(page, () => page.goto('/'));
    expect(await page.locator('.greeting').count()).toBe(1);
    const next = await transferredBytes(page, () =>
      page.getByRole('link', { name: '我的资料', exact: true }).click(),
    );
    expect(page.url()).toContain('/my/profile');
    console.log(`page weight: first load ${first} B, next page ${next} B`);
    expect(first).toBeGreaterThan(1000);
    expect(first).toBeLessThan(100 * 1024);
    expect(next).toBeLessThan(20 * 1024);
    await context.close();
  });
});
