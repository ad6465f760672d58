import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Message, Replies } from '../../extension/src/background/messages';
import workerHealth from '../../extension/src/features/site-health/worker-health';
import { findPaymentFields } from '../../extension/src/site/invoice';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');

/** The stand-in's saved invoice page as the global document, as a content script sees it. */
function openInvoicePage() {
  const { document, window, MutationObserver } = parseHTML(fixture('invoice-new.html'));
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document as unknown as Document;
}

/** Plays the background: answers `health` with `reply` and records what the page asked. */
function backgroundAnswers(reply: Replies['health']): Message[] {
  const asked: Message[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
    asked.push(message);
    return Promise.resolve(reply);
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  return asked;
}

const fakeCtx = { onInvalidated: () => undefined, options: {} } as unknown as ContentScriptContext;

function panelText(doc: Document): string | null {
  const host = findPaymentFields(doc)?.nextElementSibling;
  const panel = host?.shadowRoot?.querySelector('[data-testid="stripe-bridge-health"]');
  return panel?.textContent ?? null;
}

describe('worker health panel on the invoice page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows, right after the payment fields, that the worker is reachable and its version', async () => {
    const doc = openInvoicePage();
    const asked = backgroundAnswers({ ok: true, version: '0.1.0' });
    const running = new AbortController();
    await workerHealth.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/new'),
    });
    await vi.waitFor(() => expect(panelText(doc)).toBe('Stripe bridge: worker reachable (v0.1.0)'));
    expect(asked).toEqual([{ type: 'health' }]);

    running.abort();
    expect(panelText(doc)).toBeNull();
  });

  it('says in words why the worker cannot be reached', async () => {
    const doc = openInvoicePage();
    backgroundAnswers({ ok: false, reason: 'worker unreachable at http://127.0.0.1:8787' });
    await workerHealth.init(new AbortController().signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/new'),
    });
    await vi.waitFor(() =>
      expect(panelText(doc)).toBe('Stripe bridge: worker unreachable at http://127.0.0.1:8787Check again'),
    );
  });

  it('follows the payment fields when the site re-renders them, leaving one panel', async () => {
    const doc = openInvoicePage();
    backgroundAnswers({ ok: true, version: '0.1.0' });
    await workerHealth.init(new AbortController().signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/new'),
    });
    await vi.waitFor(() => expect(panelText(doc)).toContain('reachable'));

    const fields = findPaymentFields(doc);
    const firstPanel = fields?.nextElementSibling;
    fields?.replaceWith(fields.cloneNode(true));
    await vi.waitFor(() => {
      expect(findPaymentFields(doc)?.nextElementSibling).not.toBe(firstPanel);
      expect(panelText(doc)).toContain('reachable');
    });
    expect(doc.querySelectorAll('stripe-bridge-health')).toHaveLength(1);
  });
});
