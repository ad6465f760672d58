import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import type { Feature } from '../../extension/src/features/registry';
import { runFeaturesOnPage } from '../../extension/src/features/run-on-page';

const site = 'http://127.0.0.1:8788';

/** The slice of WXT's context and of `window` the page runner uses, over plain EventTargets. */
function fakePage(href: string) {
  const lifetime = new AbortController();
  const win = Object.assign(new EventTarget(), { location: { href }, document: {} });
  const ctx = {
    signal: lifetime.signal,
    addEventListener: (target: EventTarget, type: string, handler: (event: Event) => void) =>
      target.addEventListener(type, handler, { signal: lifetime.signal }),
  };
  const navigate = (path: string) =>
    win.dispatchEvent(
      Object.assign(new Event('wxt:locationchange'), {
        newUrl: new URL(path, site),
        oldUrl: new URL(win.location.href),
      }),
    );
  return {
    ctx: ctx as unknown as ContentScriptContext,
    win: win as unknown as Window,
    navigate,
    invalidate: () => lifetime.abort(),
  };
}

function pathFeature(id: string, path: string, log: string[]): Feature {
  return {
    id,
    appliesTo: (url) => url.pathname === path,
    testUrls: [`${site}${path}`],
    needs: [],
    init: (signal) => {
      log.push(`${id} on`);
      signal.addEventListener('abort', () => log.push(`${id} off`));
    },
  };
}

describe('features across in-page navigation', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("stops the old page's features and starts the new page's when the site changes URL", () => {
    const log: string[] = [];
    const page = fakePage(`${site}/invoices/1042`);
    const features = [pathFeature('invoice', '/invoices/1042', log), pathFeature('paid-list', '/invoices/paid', log)];
    runFeaturesOnPage(page.ctx, features, page.win);
    page.navigate('/invoices/paid');
    expect(log).toEqual(['invoice on', 'invoice off', 'paid-list on']);
  });

  it('stops every feature when the extension context goes away', () => {
    const log: string[] = [];
    const page = fakePage(`${site}/invoices/paid`);
    runFeaturesOnPage(page.ctx, [pathFeature('paid-list', '/invoices/paid', log)], page.win);
    page.invalidate();
    page.navigate('/invoices/1042');
    expect(log).toEqual(['paid-list on', 'paid-list off']);
  });

  it('waits for the page to be parsed before checking it and starting features, when it starts with the page', () => {
    const log: string[] = [];
    const page = fakePage(`${site}/invoices/1042`);
    const doc = Object.assign(new EventTarget(), { readyState: 'loading' });
    Object.assign(page.win, { document: doc });
    runFeaturesOnPage(page.ctx, [pathFeature('invoice', '/invoices/1042', log)], page.win);
    expect(log).toEqual([]);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(log).toEqual(['invoice on']);
  });
});
