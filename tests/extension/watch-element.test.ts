import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchElement } from '../../extension/src/utils/watch-element';

function page(html: string) {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document as unknown as Document;
}

const findFields = (root: ParentNode) => root.querySelector('#payments');

/** MutationObserver callbacks run as microtasks; this lets them. */
const observed = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('watchElement', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows the element as the site adds, replaces and removes it, until aborted', async () => {
    const doc = page('<main></main>');
    const seen: string[] = [];
    const controller = new AbortController();
    watchElement(doc, findFields, controller.signal, {
      onAppear: (element) => seen.push(`appeared ${element.className}`),
      onDisappear: () => seen.push('disappeared'),
    });
    const main = doc.querySelector('main');
    main?.insertAdjacentHTML('beforeend', '<div id="payments" class="v1"></div>');
    await observed();
    main?.replaceChildren();
    main?.insertAdjacentHTML('beforeend', '<div id="payments" class="v2"></div>');
    await observed();
    main?.replaceChildren();
    await observed();
    controller.abort();
    main?.insertAdjacentHTML('beforeend', '<div id="payments" class="v3"></div>');
    await observed();
    expect(seen).toEqual(['appeared v1', 'disappeared', 'appeared v2', 'disappeared']);
  });

  it('finds an element that is already on the page', () => {
    const doc = page('<div id="payments" class="ready"></div>');
    const seen: string[] = [];
    watchElement(doc, findFields, new AbortController().signal, {
      onAppear: (element) => seen.push(element.className),
      onDisappear: () => seen.push('disappeared'),
    });
    expect(seen).toEqual(['ready']);
  });
});
