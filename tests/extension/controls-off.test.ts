import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import type { Message } from '../../extension/src/background/messages';
import { featuresByScript } from '../../extension/src/features/all';
import { missingFeatureShape, type Feature } from '../../extension/src/features/registry';
import { runFeaturesOnPage } from '../../extension/src/features/run-on-page';
import type { ShapeCheck } from '../../extension/src/site/shape';
import { allFixtureNames, fixture, FIXTURE_PAGE_URLS, type FixtureName } from './site/fixture';
import { RENAMED } from './site/renamed';

// Recognise before acting: every saved page a content script runs on, with each element its
// features need removed or renamed, gets no Stripe control at all and the one switched-off line.

interface OpenPage {
  doc: Document;
  asked: Message[];
  /** Every element we put on the page (custom elements named stripe-…). */
  injected: () => string[];
  offLine: () => string | null;
  close: () => void;
}

function openPage(name: FixtureName, change: (doc: Document) => void, features: readonly Feature[]): OpenPage {
  const { document, window, MutationObserver } = parseHTML(fixture(name).documentElement.outerHTML);
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('MutationObserver', MutationObserver);
  const doc = document as unknown as Document;
  change(doc);
  const asked: Message[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
    asked.push(message);
    return Promise.resolve(
      message.type === 'site-report:make'
        ? { ok: true, report: '<!-- report -->' }
        : { ok: false, error: { code: 'internal', message: 'not in this test' } },
    );
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  const lifetime = new AbortController();
  const ctx = {
    signal: lifetime.signal,
    onInvalidated: (cb: () => void) => lifetime.signal.addEventListener('abort', cb),
    addEventListener: (target: EventTarget, type: string, handler: (event: Event) => void) =>
      target.addEventListener(type, handler, { signal: lifetime.signal }),
  } as unknown as ContentScriptContext;
  const win = Object.assign(new EventTarget(), {
    location: { href: FIXTURE_PAGE_URLS[name] },
    document: doc,
  }) as unknown as Window;
  runFeaturesOnPage(ctx, features, win);
  return {
    doc,
    asked,
    injected: () =>
      Array.from(doc.querySelectorAll('*'))
        .map((el) => el.tagName.toLowerCase())
        .filter((tag) => tag.startsWith('stripe-')),
    offLine: () =>
      doc.querySelector('stripe-controls-off')?.shadowRoot?.querySelector('[data-testid="stripe-controls-off"]')
        ?.textContent ?? null,
    close: () => lifetime.abort(),
  };
}

/** The saved pages a site content script runs on, with that script's features and everything they need. */
const pagesWithScripts = allFixtureNames().flatMap((name) => {
  const url = new URL(FIXTURE_PAGE_URLS[name]);
  const features = Object.values(featuresByScript).find((list) => list.some((feature) => feature.appliesTo(url)));
  if (!features) return [];
  const needs = [
    ...new Set(
      features.filter((f) => f.appliesTo(url)).flatMap((f) => (typeof f.needs === 'function' ? f.needs(url) : f.needs)),
    ),
  ];
  return [{ name, features, needs }];
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Stripe controls on a page of unknown layout', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('covers every kind of page a content script runs on', () => {
    expect(pagesWithScripts.map((page) => page.name)).toEqual(
      expect.arrayContaining([
        'account',
        'invoice-email',
        'invoice-new',
        'invoice-unpaid',
        'invoice-review-step',
        'invoices-paid',
        'invoices-unpaid',
      ]),
    );
  });

  for (const { name, features, needs } of pagesWithScripts) {
    it(`starts the features of the unchanged ${name} page and shows no switched-off line`, async () => {
      // Names what a page lacks (a fixture saved from a structure report of a new layout fails here first).
      expect(missingFeatureShape(features, { document: fixture(name), url: new URL(FIXTURE_PAGE_URLS[name]) })).toEqual(
        [],
      );
      const page = openPage(name, () => undefined, features);
      await settle();
      expect(page.offLine()).toBeNull();
      expect(page.asked.map((m) => m.type)).not.toContain('site-report:make');
      expect(page.asked.length + page.injected().length).toBeGreaterThan(0);
      page.close();
    });

    const changes: Array<[string, ShapeCheck, (doc: Document) => void]> = needs.flatMap((check) => [
      ['removed', check, (doc: Document) => check.find(doc)?.remove()] as [string, ShapeCheck, (doc: Document) => void],
      ['renamed', check, (doc: Document) => RENAMED[check.name]?.(doc)] as [
        string,
        ShapeCheck,
        (doc: Document) => void,
      ],
    ]);
    for (const [how, check, change] of changes) {
      it(`on the ${name} page with its ${check.name} ${how}: no Stripe control, only the switched-off line`, async () => {
        expect(RENAMED[check.name], `a renaming for ${check.name}`).toBeDefined();
        const page = openPage(name, change, features);
        await settle();
        expect(page.injected()).toEqual(['stripe-controls-off']);
        expect(page.offLine()).toContain(
          'Stripe controls are off on this page because it does not look the way this version of the extension expects.',
        );
        expect(page.asked).toEqual([{ type: 'site-report:make', missing: expect.arrayContaining([check.name]) }]);
        page.close();
        expect(page.injected()).toEqual([]);
      });
    }
  }
});
