import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

const BROWSER_BINARIES: Record<BrowserName, { path: string; install: string }> = {
  chromium: { path: '/usr/bin/chromium', install: 'apt-get install -y chromium' },
  firefox: { path: '/usr/bin/firefox-esr', install: 'apt-get install -y firefox-esr' },
};

/**
 * What an e2e test does with a page, the same in both browsers. Test ids pierce the extension's
 * shadow roots; `css` variants take a plain CSS selector of the light DOM (the site's own fields).
 */
export interface E2EPage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): string;
  waitForUrl(expected: RegExp, timeoutMs?: number): Promise<string>;
  click(testId: string): Promise<void>;
  fill(testId: string, text: string): Promise<void>;
  textOf(testId: string, timeoutMs?: number): Promise<string>;
  waitForText(testId: string, expected: RegExp, timeoutMs?: number): Promise<string>;
  /** How many elements with the test id are on the page right now (0 when none). */
  count(testId: string): Promise<number>;
  clickCss(selector: string): Promise<void>;
  fillCss(selector: string, text: string): Promise<void>;
  selectCss(selector: string, value: string): Promise<void>;
  textCss(selector: string): Promise<string>;
  /** The computed font-family of the element with the test id (inside the extension's shadow roots too). */
  fontOf(testId: string): Promise<string>;
  /** The computed font-family of a light-DOM element. */
  fontCss(selector: string): Promise<string>;
  /** Waits until the light-DOM element's text matches (the site re-renders after a form post). */
  waitForTextCss(selector: string, expected: RegExp, timeoutMs?: number): Promise<string>;
  screenshot(path: string): Promise<void>;
  /** Resizes the page's viewport (CSS pixels), as a phone or a desktop window would be. */
  setViewport(width: number, height: number): Promise<void>;
  /** How wide the document is against the viewport: more than the viewport means sideways scrolling. */
  widths(): Promise<{ document: number; viewport: number }>;
  /** How many of the page's frames (Stripe's fields) hold content wider than the frame itself. */
  overflowingFrames(): Promise<number>;
  /** The text of every element with the test id, on the page and in each of its frames (Stripe's). */
  textsEverywhere(testId: string): Promise<string[]>;
  /** Types text into whatever has the focus, key by key. */
  typeText(text: string): Promise<void>;
  /** The test id (else name, else id) of the focused element, looking into shadow roots; null for none. */
  focused(): Promise<string | null>;
  /** Runs `script` (a function, or an expression awaited if a promise) in the page; answers its value (JSON only). */
  evaluate<T>(script: string | (() => T)): Promise<T>;
  close(): Promise<void>;
  /** Presses a key ("Tab", "Enter", "Escape") on whatever has focus, as a keyboard user would. */
  press(key: string): Promise<void>;
  /** Chooses an option of a <select> by its value (inside the extension's shadow roots too). */
  selectOption(testId: string, value: string): Promise<void>;
  /** The rendered size in CSS pixels of the element with the test id (a click or tap target). */
  sizeOf(testId: string): Promise<{ width: number; height: number }>;
}

const measureWidths = () => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth });
const overflows = () => document.documentElement.scrollWidth > window.innerWidth;
/** Runs in the page: the element that really has the focus, through shadow roots, named for a test. */
function focusedName(): string | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  return el.getAttribute('data-testid') ?? el.getAttribute('name') ?? (el.id || el.tagName.toLowerCase());
}

export interface E2EBrowser {
  name: BrowserName;
  newPage(): Promise<E2EPage>;
  /** A page the extension or the site opened (new tab or window) whose URL matches. */
  waitForPage(url: RegExp, timeoutMs?: number): Promise<E2EPage>;
  /** Closes the browser and starts it again on the same profile (extension storage kept). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const sel = (testId: string) => `[data-testid="${testId}"]`;

/** Runs in the page: the focused element, followed into open shadow roots. */

async function poll<T>(read: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (value !== null) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function pollText(
  read: () => Promise<string>,
  expected: RegExp,
  timeoutMs: number,
  what: string,
): Promise<string> {
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

/**
 * The element with a test id on the page, or else inside one of its frames: Stripe.js keeps card
 * fields (js.stripe.com) and the bank's 3-D Secure page (hooks.stripe.com) in frames of their own.
 */
function playwrightLocate(page: PwPage, selector: string, timeoutMs = 10_000) {
  return poll(
    async () => {
      const onPage = page.locator(selector).first();
      if ((await onPage.count()) > 0) return onPage;
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const framed = frame.locator(selector).first();
        if ((await framed.count()) > 0) return framed;
      }
      return null;
    },
    timeoutMs,
    selector,
  );
}

function playwrightPage(page: PwPage): E2EPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    reload: async () => void (await page.reload({ waitUntil: 'domcontentloaded' })),
    url: () => page.url(),
    waitForUrl: (expected, timeoutMs = 15_000) =>
      poll(async () => (expected.test(page.url()) ? page.url() : null), timeoutMs, `URL ${expected}`),
    count: (id) => page.locator(sel(id)).count(),
    clickCss: (css) => page.locator(css).first().click(),
    fillCss: (css, text) => page.locator(css).first().fill(text),
    selectCss: async (css, value) => void (await page.locator(css).first().selectOption(value)),
    textCss: (css) => page.locator(css).first().innerText(),
    fontOf: (id) =>
      page
        .locator(sel(id))
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily),
    fontCss: (css) =>
      page
        .locator(css)
        .first()
        .evaluate((el) => getComputedStyle(el).fontFamily),
    waitForTextCss: (css, expected, timeoutMs = 10_000) =>
      pollText(() => page.locator(css).first().innerText({ timeout: 1_000 }), expected, timeoutMs, css),
    close: () => page.close(),
    click: async (id) => (await playwrightLocate(page, sel(id))).click(),
    fill: async (id, text) => (await playwrightLocate(page, sel(id))).fill(text),
    textOf: (id, timeoutMs = 10_000) => page.locator(sel(id)).first().innerText({ timeout: timeoutMs }),
    waitForText: (id, expected, timeoutMs = 10_000) =>
      pollText(() => page.locator(sel(id)).first().innerText({ timeout: 1_000 }), expected, timeoutMs, id),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    press: (key) => page.keyboard.press(key),
    selectOption: async (id, value) => void (await (await playwrightLocate(page, sel(id))).selectOption(value)),
    sizeOf: async (id) =>
      (await playwrightLocate(page, sel(id))).evaluate((el) => {
        const { width, height } = el.getBoundingClientRect();
        return { width, height };
      }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    widths: () => page.evaluate(measureWidths),
    overflowingFrames: async () => {
      let count = 0;
      for (const frame of page.frames())
        if (frame !== page.mainFrame() && (await frame.evaluate(overflows))) count += 1;
      return count;
    },
    textsEverywhere: async (id) => {
      const texts: string[] = [];
      for (const frame of page.frames()) texts.push(...(await frame.locator(sel(id)).allInnerTexts()));
      return texts;
    },
    typeText: (text) => page.keyboard.type(text),
    focused: () => page.evaluate(focusedName),
    evaluate: <T>(script: string | (() => T)) => page.evaluate(script) as Promise<T>,
  };
}

function puppeteerPage(page: PpPage): E2EPage {
  // `>>>` is puppeteer's deep combinator: it finds test ids inside the extension's shadow roots.
  const deep = (id: string) => `>>> ${sel(id)}`;
  // A locator's own wait for an enabled control compiles its check with `new Function` in the page,
  // which the page's CSP blocks in Firefox 140 (Stripe Settings, the payment page): every click
  // there timed out. The selector waits for an enabled control instead, as Playwright does.
  const enabled = (selector: string) => `${selector}:not(:disabled)`;
  /** The element with a test id on the page, or else inside one of its frames (Stripe's Payment Element). */
  const locate = (id: string, timeoutMs = 10_000) =>
    poll(
      async () => {
        if (await page.$(deep(id))) return page.locator(enabled(deep(id))).setWaitForEnabled(false);
        for (const frame of page.frames()) {
          if (frame !== page.mainFrame() && (await frame.$(sel(id))))
            return frame.locator(enabled(sel(id))).setWaitForEnabled(false);
        }
        return null;
      },
      timeoutMs,
      id,
    );
  const text = async (id: string, timeoutMs: number) => {
    const handle = await page.waitForSelector(deep(id), { timeout: timeoutMs });
    if (!handle) throw new Error(`${id} not found`);
    return handle.evaluate((el) => (el as HTMLElement).innerText);
  };
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    reload: async () => void (await page.reload({ waitUntil: 'domcontentloaded' })),
    url: () => page.url(),
    waitForUrl: (expected, timeoutMs = 15_000) =>
      poll(async () => (expected.test(page.url()) ? page.url() : null), timeoutMs, `URL ${expected}`),
    count: async (id) => (await page.$$(deep(id))).length,
    clickCss: (css) =>
      page
        .locator(enabled(`:is(${css})`))
        .setWaitForEnabled(false)
        .click(),
    fillCss: (css, value) =>
      page
        .locator(enabled(`:is(${css})`))
        .setWaitForEnabled(false)
        .fill(value),
    selectCss: async (css, value) => void (await page.select(css, value)),
    textCss: (css) => page.$eval(css, (el) => (el as HTMLElement).innerText),
    fontOf: async (id) => {
      const handle = await page.waitForSelector(deep(id), { timeout: 10_000 });
      if (!handle) throw new Error(`${id} not found`);
      return handle.evaluate((el) => getComputedStyle(el).fontFamily);
    },
    fontCss: (css) => page.$eval(css, (el) => getComputedStyle(el).fontFamily),
    waitForTextCss: (css, expected, timeoutMs = 10_000) =>
      pollText(() => page.$eval(css, (el) => (el as HTMLElement).innerText), expected, timeoutMs, css),
    close: () => page.close(),
    click: async (id) => (await locate(id)).click(),
    fill: async (id, value) => (await locate(id)).fill(value),
    textOf: (id, timeoutMs = 10_000) => text(id, timeoutMs),
    waitForText: (id, expected, timeoutMs = 10_000) => pollText(() => text(id, 1_000), expected, timeoutMs, id),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    press: (key) => page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]),
    selectOption: async (id, value) => {
      const handle = await page.waitForSelector(deep(id), { timeout: 10_000 });
      if (!handle) throw new Error(`${id} not found`);
      await handle.select(value);
    },
    sizeOf: async (id) => {
      const handle = await page.waitForSelector(deep(id), { timeout: 10_000 });
      if (!handle) throw new Error(`${id} not found`);
      return handle.evaluate((el) => {
        const { width, height } = el.getBoundingClientRect();
        return { width, height };
      });
    },
    // Firefox ESR sets the viewport but knows no screen-orientation override, which puppeteer sends
    // alongside; its refusal can arrive first, so the new width is awaited in the page itself.
    setViewport: async (width, height) => {
      await page.setViewport({ width, height }).catch((error: unknown) => {
        if (!String(error).includes('setScreenOrientationOverride')) throw error;
      });
      await poll(
        async () => ((await page.evaluate(() => window.innerWidth)) === width ? true : null),
        5_000,
        `a ${width} px viewport`,
      );
    },
    widths: () => page.evaluate(measureWidths),
    overflowingFrames: async () => {
      let count = 0;
      for (const frame of page.frames())
        if (frame !== page.mainFrame() && (await frame.evaluate(overflows))) count += 1;
      return count;
    },
    textsEverywhere: async (id) => {
      const texts: string[] = [];
      for (const frame of page.frames())
        texts.push(...(await frame.$$eval(sel(id), (els) => els.map((el) => (el as HTMLElement).innerText))));
      return texts;
    },
    typeText: (text) => page.keyboard.type(text),
    focused: () => page.evaluate(focusedName),
    evaluate: <T>(script: string | (() => T)) => page.evaluate(script) as Promise<T>,
  };
}

async function launchChromium(extensionDir: string): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'qtsb-chromium-'));
  const open = () =>
    chromium.launchPersistentContext(profile, {
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
  let context: BrowserContext = await open();
  return {
    name: 'chromium',
    newPage: async () => playwrightPage(await context.newPage()),
    waitForPage: (url, timeoutMs = 15_000) =>
      poll(
        async () => {
          const found = context.pages().find((p) => url.test(p.url()));
          if (!found) return null;
          await found.waitForLoadState('domcontentloaded');
          return playwrightPage(found);
        },
        timeoutMs,
        `a page at ${url}`,
      ),
    restart: async () => {
      await context.close();
      context = await open();
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Over WebDriver BiDi, Firefox reports a moz-extension:// tab (Stripe Settings) as about:blank; the page itself knows. */
async function firefoxPageUrl(page: PpPage): Promise<string> {
  if (page.url() !== 'about:blank') return page.url();
  // Bounded: a tab still navigating may not answer, and the caller polls again anyway.
  const asked = page.evaluate(() => location.href).catch(() => page.url());
  const later = new Promise<string>((resolve) => setTimeout(() => resolve(page.url()), 1_000));
  return Promise.race([asked, later]);
}

async function launchFirefox(extensionDir: string): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'qtsb-firefox-'));
  const open = async () => {
    const b = await puppeteer.launch({
      browser: 'firefox',
      executablePath: BROWSER_BINARIES.firefox.path,
      headless: true,
      userDataDir: profile,
    });
    // A temporary add-on: unsigned is fine and host permissions are granted. Its storage lives in
    // the profile under the add-on's fixed id, so it survives a restart on the same profile.
    await b.installExtension(extensionDir);
    return b;
  };
  let browser: PpBrowser = await open();
  return {
    name: 'firefox',
    newPage: async () => puppeteerPage(await browser.newPage()),
    waitForPage: (url, timeoutMs = 15_000) =>
      poll(
        async () => {
          for (const p of await browser.pages()) if (url.test(await firefoxPageUrl(p))) return puppeteerPage(p);
          return null;
        },
        timeoutMs,
        `a page at ${url}`,
      ),
    restart: async () => {
      await browser.close();
      browser = await open();
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function browserMissing(name: BrowserName): string | null {
  const { path, install } = BROWSER_BINARIES[name];
  return existsSync(path) ? null : `${name} is not installed at ${path}. Install it with: ${install}`;
}

export function launchBrowser(name: BrowserName, extensionDirs: Record<BrowserName, string>): Promise<E2EBrowser> {
  return name === 'chromium' ? launchChromium(extensionDirs.chromium) : launchFirefox(extensionDirs.firefox);
}
