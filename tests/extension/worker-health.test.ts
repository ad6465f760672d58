import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import type { Message, Replies } from '../../extension/src/background/messages';
import workerHealth from '../../extension/src/features/site-health/worker-health';
import { findPaymentFields } from '../../extension/src/site/invoice';
import { answerDeferredPart, forgetDeferredParts } from './deferred-part';

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
    const deferred = answerDeferredPart(message);
    if (deferred) return Promise.resolve(deferred);
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
    forgetDeferredParts();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const openOn = async (doc: Document, signal = new AbortController().signal) =>
    workerHealth.init(signal, { ctx: fakeCtx, document: doc, url: new URL('http://127.0.0.1:8788/invoices/new') });

  it('shows nothing beside the payment fields while the worker answers', async () => {
    const doc = openInvoicePage();
    const asked = backgroundAnswers({ ok: true, version: '0.1.0' });
    await openOn(doc);
    await vi.waitFor(() => expect(asked).toEqual([{ type: 'health' }]));
    // The check has been answered (its promise settled) and the panel stays empty.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(panelText(doc)).toBeNull();
    expect(doc.body.textContent).not.toMatch(/reachable|version|worker/i);
  });

  it('says in words, right after the payment fields, why Stripe is unavailable, with a way to check again', async () => {
    const doc = openInvoicePage();
    backgroundAnswers({ ok: false, reason: 'worker unreachable at http://127.0.0.1:8787' });
    const running = new AbortController();
    await openOn(doc, running.signal);
    await vi.waitFor(() =>
      expect(panelText(doc)).toBe(
        'Stripe payments are unavailable right now: worker unreachable at http://127.0.0.1:8787.Check again',
      ),
    );
    running.abort();
    expect(panelText(doc)).toBeNull();
  });

  it('hides the line once Check again finds the worker answering', async () => {
    const doc = openInvoicePage();
    let reply: Replies['health'] = { ok: false, reason: 'worker unreachable at http://127.0.0.1:8787' };
    fakeBrowser.runtime.onMessage.addListener(((message: Message) =>
      Promise.resolve(answerDeferredPart(message) ?? reply)) as Parameters<
      typeof fakeBrowser.runtime.onMessage.addListener
    >[0]);
    await openOn(doc);
    await vi.waitFor(() => expect(panelText(doc)).toContain('unavailable'));
    reply = { ok: true, version: '0.1.0' };
    const host = findPaymentFields(doc)?.nextElementSibling;
    (host?.shadowRoot?.querySelector('button') as HTMLButtonElement | null)?.click();
    await vi.waitFor(() => expect(panelText(doc)).toBeNull());
  });

  it('follows the payment fields when the site re-renders them, leaving one panel', async () => {
    const doc = openInvoicePage();
    backgroundAnswers({ ok: false, reason: 'worker unreachable at http://127.0.0.1:8787' });
    await openOn(doc);
    await vi.waitFor(() => expect(panelText(doc)).toContain('unavailable'));

    const fields = findPaymentFields(doc);
    const firstPanel = fields?.nextElementSibling;
    fields?.replaceWith(fields.cloneNode(true));
    await vi.waitFor(() => {
      expect(findPaymentFields(doc)?.nextElementSibling).not.toBe(firstPanel);
      expect(panelText(doc)).toContain('unavailable');
    });
    expect(doc.querySelectorAll('stripe-bridge-health')).toHaveLength(1);
  });
});
