import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export const BROWSER_BINARIES: Record<BrowserName, { path: string; install: string }> = {
  chromium: { path: '/usr/bin/chromium', install: 'apt-get install -y chromium' },
  firefox: { path: '/usr/bin/firefox-esr', install: 'apt-get install -y firefox-esr' },
};

/** What an e2e test does with a page, the same in both browsers. Test ids pierce shadow roots. */
export interface E2EPage {
  goto(url: string): Promise<void>;
  url(): string;
  click(testId: string): Promise<void>;
  fill(testId: string, text: string): Promise<void>;
  textOf(testId: string, timeoutMs?: number): Promise<string>;
  waitForText(testId: string, expected: RegExp, timeoutMs?: number): Promise<string>;
  screenshot(path: string): Promise<void>;
}

export interface E2EBrowser {
  name: BrowserName;
  newPage(): Promise<E2EPage>;
  close(): Promise<void>;
}

const sel = (testId: string) => `[data-testid="${testId}"]`;

async function pollText(read: () => Promise<string>, expected: RegExp, timeoutMs: number, what: string): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      last = await read();
      if (expected.test(last)) return last;
    } catch {
      // element not there yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: expected ${expected}, last text was ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function playwrightPage(page: PwPage): E2EPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    url: () => page.url(),
    click: (id) => page.locator(sel(id)).first().click(),
    fill: (id, text) => page.locator(sel(id)).first().fill(text),
    textOf: (id, timeoutMs = 10_000) => page.locator(sel(id)).first().innerText({ timeout: timeoutMs }),
    waitForText: (id, expected, timeoutMs = 10_000) => pollText(() => page.locator(sel(id)).first().innerText({ timeout: 1_000 }), expected, timeoutMs, id),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
  };
}

function puppeteerPage(page: PpPage): E2EPage {
  // `>>>` is puppeteer's deep combinator: it finds test ids inside the extension's shadow roots.
  const deep = (id: string) => `>>> ${sel(id)}`;
  const text = async (id: string, timeoutMs: number) => {
    const handle = await page.waitForSelector(deep(id), { timeout: timeoutMs });
    if (!handle) throw new Error(`${id} not found`);
    return handle.evaluate((el) => (el as HTMLElement).innerText);
  };
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    url: () => page.url(),
    click: (id) => page.locator(deep(id)).click(),
    fill: (id, value) => page.locator(deep(id)).fill(value),
    textOf: (id, timeoutMs = 10_000) => text(id, timeoutMs),
    waitForText: (id, expected, timeoutMs = 10_000) => pollText(() => text(id, 1_000), expected, timeoutMs, id),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
  };
}

async function launchChromium(extensionDir: string): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'qtsb-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER_BINARIES.chromium.path,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    name: 'chromium',
    newPage: async () => playwrightPage(await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(extensionDir: string): Promise<E2EBrowser> {
  const browser: PpBrowser = await puppeteer.launch({ browser: 'firefox', executablePath: BROWSER_BINARIES.firefox.path, headless: true });
  // A temporary add-on: unsigned is fine and host permissions are granted.
  await browser.installExtension(extensionDir);
  return {
    name: 'firefox',
    newPage: async () => puppeteerPage(await browser.newPage()),
    close: () => browser.close(),
  };
}

export function browserMissing(name: BrowserName): string | null {
  const { path, install } = BROWSER_BINARIES[name];
  return existsSync(path) ? null : `${name} is not installed at ${path}. Install it with: ${install}`;
}

export function launchBrowser(name: BrowserName, extensionDirs: Record<BrowserName, string>): Promise<E2EBrowser> {
  return name === 'chromium' ? launchChromium(extensionDirs.chromium) : launchFirefox(extensionDirs.firefox);
}
