import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import type { InvoiceStripeStatus } from '../../shared/api';
import type { Message } from '../../extension/src/background/messages';
import { checkRefundAmount } from '../../extension/src/features/refund/refund-amount';
import refundArrows from '../../extension/src/features/refund/refund-arrows';
import { readInvoiceRows } from '../../extension/src/site/lists';

const fakeCtx = { onInvalidated: () => undefined, options: {} } as unknown as ContentScriptContext;

function openList(fixture: 'invoices-paid.html' | 'invoices-unpaid.html'): Document {
  const { document, window, MutationObserver } = parseHTML(
    readFileSync(resolve(import.meta.dirname, 'fixtures', fixture), 'utf8'),
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

const MARKERS = ['stripe-refund', 'stripe-refunded', 'stripe-refund-pending', 'stripe-refund-unavailable'];

/** The row's shadow root, where its markers live. */
function shadowOf(doc: Document, number: string): ShadowRoot | null {
  const row = readInvoiceRows(doc).find((r) => r.number === number);
  return row?.actionsCell.lastElementChild?.shadowRoot ?? null;
}

/** Test ids of the markers the row shows. */
function arrowsOf(doc: Document, number: string): string[] {
  return Array.from(shadowOf(doc, number)?.querySelectorAll('[data-testid]') ?? [])
    .map((el) => el.getAttribute('data-testid') ?? '')
    .filter((id) => MARKERS.includes(id));
}

async function showList(doc: Document, path: string, invoices: InvoiceStripeStatus[]): Promise<AbortController> {
  backgroundAnswers((message) =>
    message.type === 'refunds:status' ? { ok: true, invoices } : { ok: false, code: 'internal', message: 'not here' },
  );
  const running = new AbortController();
  await refundArrows.init(running.signal, {
    ctx: fakeCtx,
    document: doc,
    url: new URL(`http://127.0.0.1:8788${path}`),
  });
  return running;
}

describe('refund arrows on the saved Paid Invoices list', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('asks once for every row and marks each as its Stripe state says', async () => {
    const doc = openList('invoices-paid.html');
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

describe('refund markers a keyboard and a screen reader can use', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the green arrow on a partly refunded invoice, beside a red marker whose details a keyboard reaches', async () => {
    const doc = openList('invoices-unpaid.html');
    const refundedOn = new Date(2026, 11, 2, 15, 30).getTime();
    await showList(doc, '/invoices/unpaid', [
      status('1054', {
        state: 'partially_refunded',
        chargedMinor: 10717,
        refundedMinor: 1000,
        refundableMinor: 9717,
        card: { brand: 'visa', last4: '4242' },
        lastRefundAt: refundedOn,
      }),
    ]);
    expect(arrowsOf(doc, '1054')).toEqual(['stripe-refunded', 'stripe-refund']);
    const root = shadowOf(doc, '1054');
    const green = root?.querySelector('[data-testid="stripe-refund"]');
    const red = root?.querySelector('[data-testid="stripe-refunded"]');
    // Both are buttons (focusable, ≥ 24 px by the shared CSS), named in words, drawn as different SVG shapes.
    expect([green?.tagName, red?.tagName]).toEqual(['BUTTON', 'BUTTON']);
    expect(green?.getAttribute('aria-label')).toBe('Refund invoice 1054 to the card, up to $97.17');
    expect(red?.getAttribute('aria-label')).toBe('Refunded to the card');
    expect(green?.querySelector('svg path')).toBeTruthy();
    expect(red?.querySelector('svg circle')).toBeTruthy();
    expect(`${green?.textContent}${red?.textContent}`).not.toMatch(/↩/);
    // The red marker's details are its accessible description, and shown when it is pressed.
    const details = root?.getElementById(red?.getAttribute('aria-describedby') ?? '');
    expect(details?.textContent).toBe('Refunded $10.00 of $107.17 on 12/02/2026 to Visa •••• 4242');
    expect([details?.hasAttribute('hidden'), red?.getAttribute('aria-expanded')]).toEqual([true, 'false']);
    (red as HTMLButtonElement | null | undefined)?.click();
    await vi.waitFor(() => expect(details?.hasAttribute('hidden')).toBe(false));
    expect(red?.getAttribute('aria-expanded')).toBe('true');
  });

  it('says why a Return/Exchange invoice has no Stripe refund, with a drawn icon a keyboard can open', async () => {
    const doc = openList('invoices-paid.html');
    await showList(doc, '/invoices/paid', [status('1045', { kind: 'return_exchange' })]);
    const root = shadowOf(doc, '1045');
    const unavailable = root?.querySelector('[data-testid="stripe-refund-unavailable"]')?.textContent ?? '';
    expect(unavailable).toMatch(/^No Stripe refund/);
    expect(unavailable).not.toContain('ⓘ');
    const why = root?.querySelector<HTMLButtonElement>('[data-testid="stripe-refund-why"]');
    expect([why?.tagName, why?.getAttribute('aria-label')]).toEqual(['BUTTON', 'Why no Stripe refund']);
    expect(why?.querySelector('svg')).toBeTruthy();
    why?.click();
    await vi.waitFor(() => expect(root?.getElementById('refund-why')?.hasAttribute('hidden')).toBe(false));
    expect(root?.getElementById('refund-why')?.textContent).toMatch(/Only Normal Sale invoices/);
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
