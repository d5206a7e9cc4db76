import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app';
import { PASSWORD } from './factories';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-output', 'screenshots');
/** A cheap Android phone. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real app on a real port (createTestApp + listen) and a headless Debian Chromium. */
export async function startBrowserEnv(opts: Parameters<typeof createTestApp>[0] = {}): Promise<BrowserEnv> {
  const t = await createTestApp(opts);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A phone-sized browser context. The page's own CSP stays on (a blocked inline script or style
 * shows up as a console error, which `watchPage` fails on); axe-core is injected as an init
 * script through CDP, which CSP does not govern.
 */
export async function phoneContext(
  env: BrowserEnv,
  opts: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: opts.locale ?? 'zh-CN',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  await context.addInitScript({ content: AXE_SOURCE });
  return context;
}

/** Collects console errors of a page: CSP violations ("Refused to …"), script errors, 5xx loads. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (m) => {
    // A page answered 4xx on purpose (a form with errors, a 403, a 404) is asserted by the test.
    if (
      m.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { errors };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the current page (WCAG 2.1 A/AA and best practices). Pages opened without
 * JavaScript cannot run it; check those pages in a context with JavaScript.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface SignInOptions {
  /** The factories' PASSWORD unless given (the seeded admin has its own). */
  password?: string;
  /** The path the role lands on, waited for; null when the caller waits for something else itself. */
  home?: string | null;
  /** false: fill the sign-in form already open (a /login?next=… redirect keeps its next). */
  open?: boolean;
}

/** Signs in through the form: /login, 手机号 and 密码, 登录, then the landing path (an officer's by default). */
export async function signIn(page: Page, phone: string, opts: SignInOptions = {}): Promise<void> {
  const { password = PASSWORD, home = '/officer', open = true } = opts;
  if (open) await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (home !== null) await page.waitForURL((u) => u.pathname === home);
}

/** Every page we visit must pass axe-core (WCAG 2.1 AA + best practices); the URL names the page that failed. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

/** Nothing is wider than the phone. */
export async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE_VIEWPORT.width,
  );
}

/** The page fits the phone, passes axe-core, and is kept as a screenshot under `name`. */
export async function fitsAndPasses(page: Page, name: string): Promise<void> {
  await expectFitsPhone(page);
  await expectAccessible(page);
  await screenshot(page, name);
}

/**
 * Bytes that crossed the network (compressed bodies plus headers, as Chromium counts them) while
 * `action` runs; responses served from the browser cache count nothing.
 */
export async function transferredBytes(page: Page, action: () => Promise<unknown>): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let total = 0;
  const onFinished = (e: { encodedDataLength: number }) => {
    total += e.encodedDataLength;
  };
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await action();
    await page.waitForLoadState('load');
  } finally {
    cdp.off('Network.loadingFinished', onFinished);
    await cdp.detach();
  }
  return total;
}
