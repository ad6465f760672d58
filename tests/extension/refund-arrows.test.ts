import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { InvoiceStripeStatus } from '../../shared/api';
import type { Message } from '../../extension/src/background/messages';
import { checkRefundAmount } from '../../extension/src/features/refund/refund-amount';
import refundArrows from '../../extension/src/features/refund/refund-arrows';
import { readInvoiceRows } from '../../extension/src/site/lists';

const fakeCtx = { onInvalidated: () => undefined, options: {} } as unknown as ContentScriptContext;

function openPaidList(): Document {
  const { document, window, MutationObserver } = parseHTML(
    readFileSync(resolve(import.meta.dirname, 'fixtures', 'invoices-paid.html'), 'utf8'),
  );
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document as unknown as Document;
}

function status(number: string, overrides: Partial<InvoiceStripeStatus> = {}): InvoiceStripeStatus {
  return {
    number,
    kind: 'normal_sale',
    currency: 'usd',
    chargedMinor: 0,
    refundedMinor: 0,
    pendingRefundMinor: 0,
    refundableMinor: 0,
    state: 'none',
    unrecordedPaymentIds: [],
    card: null,
    lastRefundAt: null,
    ...overrides,
  };
}

function backgroundAnswers(answer: (message: Message) => unknown): Message[] {
  const asked: Message[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
    asked.push(message);
    return Promise.resolve(answer(message));
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  return asked;
}

/** Test ids the row's arrows show, read through the row's shadow root. */
function arrowsOf(doc: Document, number: string): string[] {
  const row = readInvoiceRows(doc).find((r) => r.number === number);
  const host = row?.actionsCell.lastElementChild;
  return Array.from(host?.shadowRoot?.querySelectorAll('[data-testid]') ?? []).map(
    (el) => el.getAttribute('data-testid') ?? '',
  );
}

describe('refund arrows on the saved Paid Invoices list', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('asks once for every row and marks each as its Stripe state says', async () => {
    const doc = openPaidList();
    const invoices = [
      status('1052', { state: 'paid', chargedMinor: 7794, refundableMinor: 7794 }),
      status('1050', { state: 'refund_pending', chargedMinor: 13315, pendingRefundMinor: 13315 }),
      status('1047'),
      status('1045', { kind: 'return_exchange' }),
      status('1043'),
      status('1041'),
    ];
    const asked = backgroundAnswers((message) =>
      message.type === 'refunds:status'
        ? { ok: true, invoices }
        : { ok: false, code: 'internal', message: 'not in this test' },
    );
    const running = new AbortController();
    await refundArrows.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/paid'),
    });

    expect(asked.filter((m) => m.type === 'refunds:status')).toEqual([
      { type: 'refunds:status', numbers: ['1052', '1050', '1047', '1045', '1043', '1041'] },
    ]);
    expect(arrowsOf(doc, '1052')).toEqual(['stripe-refund']);
    expect(arrowsOf(doc, '1050')).toEqual(['stripe-refund-pending']);
    expect(arrowsOf(doc, '1045')).toEqual(['stripe-refund-unavailable']);
    expect(arrowsOf(doc, '1047')).toEqual([]);

    running.abort();
    expect(arrowsOf(doc, '1052')).toEqual([]);
  });
});

describe('the refund amount', () => {
  it.each([
    ['', /Enter the amount/],
    ['0', /more than zero/],
    ['12.345', /at most 2 decimals/],
    ['abc', /like 25\.00/],
    ['58.47', /At most \$58\.46 can be refunded/],
  ])('refuses "%s" in words', (typed, reason) => {
    const check = checkRefundAmount(typed, 5846, 'usd');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('accepts up to what is refundable, in cents', () => {
    expect(checkRefundAmount('$58.46', 5846, 'usd')).toEqual({ ok: true, minor: 5846 });
    expect(checkRefundAmount('20', 5846, 'usd')).toEqual({ ok: true, minor: 2000 });
  });
});
