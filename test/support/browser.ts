import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app';

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
