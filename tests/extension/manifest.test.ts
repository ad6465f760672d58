import type { Browser } from 'wxt/browser';
import type { ConfigEnv, UserConfig, UserManifest, Wxt, WxtHooks } from 'wxt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptRunsOn } from '../../scripts/lib/match-pattern';
import { allowsWorkerAddress } from '../../extension/src/config';

/** Loads wxt.config.ts as the build would, with `WXT_WORKER_URL` set as given. */
async function loadConfig(workerUrl: string | undefined): Promise<UserConfig> {
  vi.resetModules();
  if (workerUrl === undefined) vi.stubEnv('WXT_WORKER_URL', '');
  else vi.stubEnv('WXT_WORKER_URL', workerUrl);
  return (await import('../../extension/wxt.config')).default;
}

async function manifestFor(config: UserConfig, env: Partial<ConfigEnv>): Promise<UserManifest> {
  const full: ConfigEnv = { browser: 'chrome', manifestVersion: 3, mode: 'sandbox', command: 'build', ...env };
  return typeof config.manifest === 'function' ? config.manifest(full) : ((await config.manifest) ?? {});
}

/** Runs the config's manifest hook on a generated manifest with the given content script files. */
async function contentScripts(
  config: UserConfig,
  mode: string,
  files: string[],
): Promise<Browser.runtime.Manifest['content_scripts']> {
  const manifest = {
    manifest_version: 3,
    name: 'x',
    version: '0.1.0',
    content_scripts: files.map((file) => ({ matches: ['<all_urls>'], js: [file] })),
  } as Browser.runtime.Manifest;
  // wxt.config.ts registers the hook under its flat name.
  const hook = (config.hooks as Partial<WxtHooks> | undefined)?.['build:manifestGenerated'];
  if (typeof hook !== 'function') throw new Error('no manifest hook');
  await hook({ config: { mode } } as Wxt, manifest);
  return manifest.content_scripts;
}

describe('extension manifest', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('lets the build reach the worker named by WXT_WORKER_URL, any port on that host, and the site it runs on', async () => {
    const config = await loadConfig('http://127.0.0.1:45123');
    expect((await manifestFor(config, {})).host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const production = await manifestFor(await loadConfig('https://bridge.example.com/'), { mode: 'production' });
    expect(production.host_permissions).toEqual(['https://bridge.example.com/*', 'https://*.qtoffice.com/*']);
  });

  it('falls back to the local wrangler dev worker', async () => {
    expect((await manifestFor(await loadConfig(undefined), {})).host_permissions).toContain('http://127.0.0.1/*');
  });

  it('refuses to build with a worker URL that is not a URL', async () => {
    await expect(loadConfig('127.0.0.1:8787 oops')).rejects.toThrow();
  });

  it('runs on the stand-in site (127.0.0.1 and localhost) in sandbox builds and only on qtoffice.com in production', async () => {
    const config = await loadConfig(undefined);
    const [sandbox] = (await contentScripts(config, 'sandbox', ['content-scripts/account.js'])) ?? [];
    expect(sandbox?.matches).toEqual(expect.arrayContaining(['http://127.0.0.1/account', 'http://localhost/account']));
    expect(sandbox?.matches?.every((pattern) => /^http:\/\/(127\.0\.0\.1|localhost)\/account/.test(pattern))).toBe(
      true,
    );
    const [production] = (await contentScripts(config, 'production', ['content-scripts/account.js'])) ?? [];
    expect(production?.matches).toContain('https://*.qtoffice.com/account');
    expect(production?.matches?.every((pattern) => pattern.startsWith('https://*.qtoffice.com/account'))).toBe(true);
  });

  it("loads each kind of page's script on any qtoffice.com back-office host in production, and nothing on help.qtoffice.com", async () => {
    const files = ['invoice', 'invoice-lists', 'account', 'email-invoice'].map((name) => `content-scripts/${name}.js`);
    const scripts = (await contentScripts(await loadConfig(undefined), 'production', files)) ?? [];
    const loaded = (url: string) =>
      scripts.filter((script) => scriptRunsOn(script, new URL(url))).map((script) => script.js?.[0]);
    for (const host of ['https://office.qtoffice.com', 'https://qtoffice.com', 'https://eu.backoffice.qtoffice.com']) {
      expect(loaded(`${host}/invoices/new`), host).toEqual(['content-scripts/invoice.js']);
      expect(loaded(`${host}/invoices/1042`), host).toEqual(['content-scripts/invoice.js']);
      expect(loaded(`${host}/invoices/paid`), host).toEqual(['content-scripts/invoice-lists.js']);
      expect(loaded(`${host}/invoices/unpaid`), host).toEqual(['content-scripts/invoice-lists.js']);
      expect(loaded(`${host}/account`), host).toEqual(['content-scripts/account.js']);
      expect(loaded(`${host}/invoices/1042/email`), host).toEqual(['content-scripts/email-invoice.js']);
    }
    for (const path of ['/invoices/new', '/invoices/1042', '/invoices/paid', '/account', '/invoices/1042/email', '/']) {
      expect(loaded(`https://help.qtoffice.com${path}`), path).toEqual([]);
    }
    for (const url of [
      'http://office.qtoffice.com/invoices/new',
      'https://qtoffice.com.evil.example/invoices/new',
      'https://office.qt-office-manager.example/account',
      'http://127.0.0.1/account',
    ]) {
      expect(loaded(url), url).toEqual([]);
    }
    for (const script of scripts)
      expect(script.exclude_matches, script.js?.[0]).toContain('https://help.qtoffice.com/*');
  });

  it('keeps the invoice script off the lists and the email page with exclude_matches', async () => {
    const [invoice] =
      (await contentScripts(await loadConfig(undefined), 'sandbox', ['content-scripts/invoice.js'])) ?? [];
    expect(invoice?.matches).toEqual(['http://127.0.0.1/invoices/*', 'http://localhost/invoices/*']);
    expect(invoice?.exclude_matches).toEqual(
      expect.arrayContaining(['http://127.0.0.1/invoices/paid*', 'http://localhost/invoices/*/email*']),
    );
  });

  it('refuses to build a content script that names no pages', async () => {
    await expect(
      contentScripts(await loadConfig(undefined), 'sandbox', ['content-scripts/content.js']),
    ).rejects.toThrow(/no pages/);
  });

  it('gives Firefox an add-on id and data-collection answer, and Chrome no Firefox keys', async () => {
    const config = await loadConfig(undefined);
    const firefox = await manifestFor(config, { browser: 'firefox', manifestVersion: 2 });
    expect(firefox.browser_specific_settings?.gecko?.id).toBe('stripe-bridge@qt-stripe-bridge.example');
    expect((await manifestFor(config, {})).browser_specific_settings).toBeUndefined();
  });

  it('asks at install for storage and scripting only; another site is optional and HTTPS only in production', async () => {
    const config = await loadConfig('https://bridge.example.com');
    const production = await manifestFor(config, { mode: 'production' });
    expect(production.permissions).toEqual(['storage', 'scripting']);
    expect(production.optional_host_permissions).toEqual(['https://*/*']);
    const firefox = await manifestFor(config, { mode: 'production', browser: 'firefox', manifestVersion: 2 });
    expect(firefox.optional_permissions).toEqual(['https://*/*']);
    // Sandbox builds may also add this machine, where the stand-in site and wrangler dev run.
    const sandbox = await manifestFor(config, {});
    expect(sandbox.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(sandbox.optional_host_permissions).not.toContain('http://*/*');
  });

  it('offers the self-hosted worker address in sandbox builds, and in production only when built to allow it', () => {
    expect(allowsWorkerAddress('sandbox', undefined)).toBe(true);
    expect(allowsWorkerAddress('production', undefined)).toBe(false);
    expect(allowsWorkerAddress('production', 'yes')).toBe(false);
    expect(allowsWorkerAddress('production', 'true')).toBe(true);
  });

  it('names 16, 32, 48 and 128 px icons for the store, the extensions page and the toolbar, each a PNG of its size', async () => {
    const manifest = await manifestFor(await loadConfig(undefined), {});
    const expected = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
    expect(manifest.icons).toEqual(expected);
    expect(manifest.action?.default_icon).toEqual(expected);
    for (const [size, file] of Object.entries(expected)) {
      const png = readFileSync(join(import.meta.dirname, '../../extension/public', file));
      expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)]);
    }
  });
});
