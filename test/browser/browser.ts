// Headless Chromium for the tests that open generated pages: Debian's
// `chromium` driven by playwright-core, with a fresh profile and no
// background traffic. `.ci/run` installs Chromium when it is absent.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env['MPOL_CHROMIUM'] ?? '/usr/bin/chromium';
const failures = path.resolve(import.meta.dirname, '../../test-results/browser');

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: install it (apt-get install -y chromium) or set MPOL_CHROMIUM`);
  const profile = mkdtempSync(path.join(tmpdir(), 'mpol-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did while it was open: errors it logged or threw, and requests other than for itself. */
export interface PageLog {
  readonly errors: string[];
  readonly requests: string[];
}

/**
 * Opens `url` in a new page and runs `check` on it. On failure, a
 * screenshot of the whole page goes to `test-results/browser/<name>.png`
 * and the error says where. The page is always closed.
 */
export async function withPage(browser: Browser, name: string, url: string, check: (page: Page, log: PageLog) => Promise<void>): Promise<void> {
  const page = await browser.context.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) log.requests.push(request.url());
  });
  try {
    await page.goto(url);
    await check(page, log);
  } catch (error) {
    mkdirSync(failures, { recursive: true });
    const shot = path.join(failures, `${name}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(screenshot: ${shot})`;
    throw error;
  } finally {
    await page.close();
  }
}

/**
 * The browser globals that callbacks run in a page use. The tests are
 * type-checked without the DOM library (nothing else in the tree may use
 * it), so a callback casts `globalThis` to this.
 */
export interface PageGlobals {
  readonly document: { readonly documentElement: { readonly dataset: Record<string, string | undefined>; readonly scrollWidth: number } };
  readonly mermaid: { parse(text: string): Promise<unknown> };
}

/** Waits until the page's start-up script has drawn every diagram, and says how it ended. */
export async function diagramsDrawn(page: Page): Promise<string> {
  const state = () => (globalThis as unknown as PageGlobals).document.documentElement.dataset['diagrams'];
  await page.waitForFunction(state, undefined, { timeout: 60_000 });
  return (await page.evaluate(state))!;
}
