import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing';
import { runFeatures, type Feature, type FeatureContext } from '../../extension/src/features/registry';

const invoiceUrl = new URL('http://127.0.0.1:8788/invoices/1001');

function context(): FeatureContext {
  // Features under test here never touch ctx or document; the e2e tests run them for real.
  return { ctx: {} as ContentScriptContext, document: {} as Document, url: invoiceUrl };
}

/** A feature that records its life in `log`, and stops listening to `target` when aborted. */
function fakeFeature(id: string, log: string[], target: EventTarget, overrides: Partial<Feature> = {}): Feature {
  return {
    id,
    appliesTo: () => true,
    testUrls: [invoiceUrl.href],
    needs: [],
    init: (signal) => {
      log.push(`${id} started`);
      target.addEventListener('site-changed', () => log.push(`${id} saw a change`), { signal });
    },
    ...overrides,
  };
}

describe('feature registry', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps the other features running when one throws at once or later', async () => {
    const log: string[] = [];
    const site = new EventTarget();
    const running = runFeatures(
      [
        fakeFeature('first', log, site),
        fakeFeature('throws', log, site, {
          init: () => {
            throw new Error('site changed its markup');
          },
        }),
        fakeFeature('rejects', log, site, {
          init: async () => {
            throw new Error('background gone');
          },
        }),
        fakeFeature('predicate-throws', log, site, {
          appliesTo: () => {
            throw new Error('bad predicate');
          },
        }),
        fakeFeature('last', log, site),
      ],
      context(),
    );
    await running.ready;
    site.dispatchEvent(new Event('site-changed'));
    expect(log).toEqual(['first started', 'last started', 'first saw a change', 'last saw a change']);
    expect(console.error).toHaveBeenCalledTimes(3);
  });

  it("stops a failed feature's listeners even if it started some before failing", async () => {
    const log: string[] = [];
    const site = new EventTarget();
    const half = fakeFeature('half-started', log, site, {
      init: async (signal) => {
        site.addEventListener('site-changed', () => log.push('half-started saw a change'), { signal });
        throw new Error('then failed');
      },
    });
    await runFeatures([half], context()).ready;
    site.dispatchEvent(new Event('site-changed'));
    expect(log).toEqual([]);
  });

  it('starts only the features whose page predicate accepts the URL', async () => {
    const log: string[] = [];
    const site = new EventTarget();
    await runFeatures(
      [
        fakeFeature('invoice', log, site),
        fakeFeature('paid-list', log, site, { appliesTo: (url) => url.pathname === '/invoices/paid' }),
      ],
      context(),
    ).ready;
    expect(log).toEqual(['invoice started']);
  });

  it('removes every listener when stopped or when the extension context goes away', async () => {
    const log: string[] = [];
    const site = new EventTarget();
    const stopped = runFeatures([fakeFeature('stopped', log, site)], context());
    const extension = new AbortController();
    const invalidated = runFeatures([fakeFeature('invalidated', log, site)], context(), extension.signal);
    await Promise.all([stopped.ready, invalidated.ready]);

    stopped.stop();
    extension.abort();
    site.dispatchEvent(new Event('site-changed'));
    expect(log).toEqual(['stopped started', 'invalidated started']);
  });
});
