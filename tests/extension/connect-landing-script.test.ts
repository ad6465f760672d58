import type { Browser } from 'wxt/browser';
import type { UserConfig, Wxt, WxtHooks } from 'wxt';
import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadConfig(workerUrl: string): Promise<UserConfig> {
  vi.resetModules();
  vi.stubEnv('WXT_WORKER_URL', workerUrl);
  return (await import('../../extension/wxt.config')).default;
}

/** The content scripts of a generated manifest after the config's hook, by their script file. */
async function matchesByScript(config: UserConfig): Promise<Record<string, string[] | undefined>> {
  const manifest = {
    manifest_version: 3,
    name: 'x',
    version: '0.1.0',
    content_scripts: [
      { matches: ['<all_urls>'], js: ['content-scripts/invoice.js'] },
      { matches: ['<all_urls>'], js: ['content-scripts/connect-done.js'] },
    ],
  } as Browser.runtime.Manifest;
  const hook = (config.hooks as Partial<WxtHooks> | undefined)?.['build:manifestGenerated'];
  if (typeof hook !== 'function') throw new Error('no manifest hook');
  await hook({ config: { mode: 'sandbox' } } as Wxt, manifest);
  return Object.fromEntries((manifest.content_scripts ?? []).map((script) => [script.js?.[0] ?? '', script.matches]));
}

describe('the Connect landing script in the manifest', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("runs only on the build's worker /connect/done page, while the site script keeps the site's pages", async () => {
    const matches = await matchesByScript(await loadConfig('https://bridge.example.com'));
    expect(matches['content-scripts/connect-done.js']).toEqual(['https://bridge.example.com/connect/done*']);
    expect(matches['content-scripts/invoice.js']).toEqual([
      'http://127.0.0.1/invoices/*',
      'http://localhost/invoices/*',
    ]);
  });

  it('follows a local worker on any port', async () => {
    const matches = await matchesByScript(await loadConfig('http://127.0.0.1:45123'));
    expect(matches['content-scripts/connect-done.js']).toEqual(['http://127.0.0.1/connect/done*']);
  });
});
