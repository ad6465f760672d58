import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'wxt/browser';
import type { UserConfig, Wxt, WxtHooks } from 'wxt';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_REAL_SITE_ORIGIN } from '../../extension/src/config';
import { allFeatures, featuresByScript } from '../../extension/src/features/all';
import {
  accountPageUrls,
  emailInvoicePageUrls,
  invoicePageUrls,
  invoiceSettingsPageUrls,
  otherPageUrls,
  paidListPageUrls,
  sitePageScripts,
  unpaidListPageUrls,
  type SitePageScript,
} from '../../extension/src/site/pages';
import { scriptRunsOn, type ManifestContentScript } from '../../scripts/lib/match-pattern';

// Each kind of site page loads a content script of its own with only its features. These tests keep
// that honest: every feature is in the script of every page its predicate accepts, and each page
// loads exactly one script, by the manifest the build really writes.

const entrypointsDir = resolve(import.meta.dirname, '../../extension/src/entrypoints');
const scriptNames = Object.keys(sitePageScripts) as SitePageScript[];
const everyExample = [
  ...invoicePageUrls,
  ...paidListPageUrls,
  ...unpaidListPageUrls,
  ...accountPageUrls,
  ...emailInvoicePageUrls,
  ...invoiceSettingsPageUrls,
  ...otherPageUrls,
];

/** The content scripts of the manifest wxt.config.ts writes for `mode`, by script name. */
async function siteScripts(config: UserConfig, mode: string): Promise<Map<SitePageScript, ManifestContentScript>> {
  const manifest = {
    manifest_version: 3,
    name: 'x',
    version: '0.1.0',
    content_scripts: [...scriptNames, 'connect-done'].map((name) => ({
      matches: ['<all_urls>'],
      js: [`content-scripts/${name}.js`],
    })),
  } as Browser.runtime.Manifest;
  const hook = (config.hooks as Partial<WxtHooks> | undefined)?.['build:manifestGenerated'];
  if (typeof hook !== 'function') throw new Error('no manifest hook');
  await hook({ config: { mode } } as Wxt, manifest);
  const byName = new Map<SitePageScript, ManifestContentScript>();
  for (const script of manifest.content_scripts ?? []) {
    const name = scriptNames.find((n) => script.js?.[0] === `content-scripts/${n}.js`);
    if (name) byName.set(name, script);
  }
  return byName;
}

/** The example URL on the origin a build of `mode` targets. */
function onSiteOf(mode: string, example: string): URL {
  if (mode !== 'production') return new URL(example);
  const { pathname, search } = new URL(example);
  return new URL(`${pathname}${search}`, EXAMPLE_REAL_SITE_ORIGIN);
}

describe('a content script per kind of site page', () => {
  let config: UserConfig;
  beforeAll(async () => {
    vi.stubEnv('WXT_WORKER_URL', '');
    config = (await import('../../extension/wxt.config')).default;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("has an entrypoint for each kind of page with paths, running that kind's feature list", () => {
    const siteEntrypoints = readdirSync(entrypointsDir)
      .filter((dir) => dir.endsWith('.content') && dir !== 'connect-done.content')
      .map((dir) => dir.replace(/\.content$/, ''));
    expect(siteEntrypoints.sort()).toEqual([...scriptNames].sort());
    for (const name of scriptNames) {
      const source = readFileSync(join(entrypointsDir, `${name}.content`, 'index.ts'), 'utf8');
      expect(source, name).toContain(`from '../../features/scripts/${name}'`);
      expect(source, name).not.toMatch(/features\/all['"]/);
    }
  });

  for (const mode of ['sandbox', 'production']) {
    it(`loads at most one site script on any page, and none where no feature runs (${mode} build)`, async () => {
      const scripts = await siteScripts(config, mode);
      for (const example of everyExample) {
        const url = onSiteOf(mode, example);
        const loaded = scriptNames.filter((name) => scriptRunsOn(scripts.get(name) ?? {}, url));
        expect(loaded.length, url.href).toBeLessThanOrEqual(1);
        if (!allFeatures.some((feature) => feature.appliesTo(url))) expect(loaded, url.href).toEqual([]);
      }
    });

    it(`puts every feature in the script the manifest loads on each page its predicate accepts (${mode} build)`, async () => {
      const scripts = await siteScripts(config, mode);
      for (const feature of allFeatures) {
        for (const example of [...everyExample, ...feature.testUrls]) {
          const url = onSiteOf(mode, example);
          if (!feature.appliesTo(url)) continue;
          const loaded = scriptNames.filter((name) => scriptRunsOn(scripts.get(name) ?? {}, url));
          expect(
            loaded.map((name) => featuresByScript[name].includes(feature)),
            `${feature.id} on ${url.href}`,
          ).toEqual([true]);
        }
      }
    });
  }

  it('loads no feature in a script whose pages it never runs on', async () => {
    const scripts = await siteScripts(config, 'sandbox');
    for (const name of scriptNames) {
      const pages = everyExample.map((u) => new URL(u)).filter((url) => scriptRunsOn(scripts.get(name) ?? {}, url));
      for (const feature of featuresByScript[name])
        expect(
          pages.some((url) => feature.appliesTo(url)),
          `${feature.id} in ${name}.js`,
        ).toBe(true);
    }
  });
});
