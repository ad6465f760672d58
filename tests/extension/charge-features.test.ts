import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import type { PaymentSummary } from '../../shared/api';
import type { Message } from '../../extension/src/background/messages';
import chargeConfirm from '../../extension/src/features/charge/charge-confirm';
import chargeHistory from '../../extension/src/features/charge/charge-history';
import { chargeStore } from '../../extension/src/features/charge/charge-store';
import { findConfirmButton, findOtherPaymentFields } from '../../extension/src/site/invoice';
import { answerDeferredPart, forgetDeferredParts } from './deferred-part';
import { fakeAccount } from './fake-worker-server';

// Each charge feature stands alone: the invoice's Stripe state loads itself on first use, so Confirm
// and the history work even when the Stripe field (charge-field) is missing or failed to start.

const fakeCtx = { onInvalidated: () => undefined, options: {} } as unknown as ContentScriptContext;

function openPage(name: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, 'fixtures', `${name}.html`), 'utf8');
  const { document, window, MutationObserver } = parseHTML(html);
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document as unknown as Document;
}

function payment(overrides: Partial<PaymentSummary> = {}): PaymentSummary {
  return {
    id: 'pay_abcdef123456',
    invoiceNumber: '1042',
    status: 'succeeded',
    amountMinor: 1000,
    currency: 'usd',
    card: { brand: 'visa', last4: '4242' },
    feeMinor: 59,
    netMinor: 941,
    refundedMinor: 0,
    paymentIntentId: 'pi_3QaBc0000000000000Hq4Lm9Tz',
    chargeId: 'ch_1',
    message: null,
    failureCode: null,
    authenticationUrl: null,
    createdAt: 0,
    recordedOnSite: true,
    ...overrides,
  };
}

const card = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };

function backgroundAnswers(replies: Partial<Record<Message['type'], unknown>>): Message[] {
  const asked: Message[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
    asked.push(message);
    return Promise.resolve(answerDeferredPart(message) ?? replies[message.type] ?? { ok: true });
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  return asked;
}

/**
 * The invoice's review open with the card on file, and charge-confirm started while its deferred
 * part is still on its way: `arrive` is the background's answer that runs it.
 */
async function confirmStepArrivingLate(doc: Document) {
  let arrive = () => undefined as void;
  const asked: Message[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
    asked.push(message);
    if (message.type === 'site:deferred-part')
      return new Promise((resolve) => (arrive = () => resolve(answerDeferredPart(message))));
    if (message.type === 'account:status')
      return Promise.resolve({ ok: true, state: 'connected', account: fakeAccount() });
    if (message.type === 'charges:list') return Promise.resolve({ ok: true, payments: [], card });
    return Promise.resolve({ ok: true, outcome: 'requires_action', message: null, record: payment() });
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  const running = new AbortController();
  const started = chargeConfirm.init(running.signal, {
    ctx: fakeCtx,
    document: doc,
    url: new URL('http://127.0.0.1:8788/invoices/1042'),
  });
  const store = chargeStore(doc);
  await vi.waitFor(() => expect(store.get().stripe).toMatchObject({ ok: true, card }));
  return { asked, arrive: () => arrive(), started, store, running };
}

describe('charge features without the Stripe field', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetDeferredParts();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('charges on Confirm with the card on file though charge-field never started', async () => {
    const doc = openPage('invoice-review-step');
    const asked = backgroundAnswers({
      'account:status': { ok: true, state: 'connected', account: fakeAccount() },
      'charges:list': { ok: true, payments: [], card },
      'charges:create': {
        ok: true,
        outcome: 'requires_action',
        message: null,
        record: payment({ status: 'requires_action', authenticationUrl: 'http://127.0.0.1:8787/pay/x' }),
      },
    });
    const running = new AbortController();
    await chargeConfirm.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/1042'),
    });
    const store = chargeStore(doc);
    await vi.waitFor(() => expect(store.get().stripe).toMatchObject({ ok: true, card }));
    expect(findOtherPaymentFields(doc)?.amount.value.trim()).toBe('');

    store.set({ amountText: '10.00' });
    // linkedom has no `button.form`; the site's Confirm submits its own form.
    const form = findConfirmButton(doc)?.closest('form');
    form?.dispatchEvent(
      new (doc.defaultView as unknown as typeof globalThis).Event('submit', { bubbles: true, cancelable: true }),
    );
    await vi.waitFor(() =>
      expect(asked.filter((m) => m.type === 'charges:create')).toMatchObject([
        { amountMinor: 1000, invoice: { number: '1042' } },
      ]),
    );
    await vi.waitFor(() =>
      expect(store.get().flight).toEqual({ kind: 'waiting', authenticationUrl: 'http://127.0.0.1:8787/pay/x' }),
    );
    running.abort();
  });

  it('holds a Confirm made before the Confirm step has arrived, and charges once when it does', async () => {
    const doc = openPage('invoice-review-step');
    const { asked, arrive, started, store, running } = await confirmStepArrivingLate(doc);
    store.set({ amountText: '10.00' });
    const form = findConfirmButton(doc)?.closest('form');
    const Event = (doc.defaultView as unknown as typeof globalThis).Event;
    // linkedom has no requestSubmit: the browser's fires the same submit event.
    Object.assign(form ?? {}, {
      requestSubmit: () => form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
    });
    const confirm = new Event('submit', { bubbles: true, cancelable: true });
    form?.dispatchEvent(confirm);
    form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    // The site did not get the Confirm, and nothing was charged yet.
    expect(confirm.defaultPrevented).toBe(true);
    expect(asked.filter((m) => m.type === 'charges:create')).toEqual([]);

    arrive();
    await started;
    await vi.waitFor(() =>
      expect(asked.filter((m) => m.type === 'charges:create')).toMatchObject([{ amountMinor: 1000 }]),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked.filter((m) => m.type === 'charges:create')).toHaveLength(1);
    running.abort();
  });

  it('shows the Stripe payment in a review the consultant opened before the Confirm step arrived', async () => {
    const doc = openPage('invoice-review-step');
    const { arrive, started, store, running } = await confirmStepArrivingLate(doc);
    // Typed and Continue pressed (the fixture's review is open) while the step was on its way.
    store.set({ amountText: '10.00' });
    const stripeRow = () => doc.querySelector('tr[data-qtsb-payment]')?.textContent ?? null;
    expect(stripeRow()).toBeNull();

    arrive();
    await started;
    expect(stripeRow()).toContain('Visa •••• 4242');
    expect(stripeRow()).toContain('$10.00');
    expect(store.get().warningFocusRequest).toBe(1);
    running.abort();
  });

  it('keeps holding a Confirm with a Stripe amount when the Confirm step cannot load, and says so', async () => {
    const doc = openPage('invoice-review-step');
    const asked: Message[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
      asked.push(message);
      if (message.type === 'site:deferred-part')
        return Promise.resolve({ ok: false, error: { code: 'internal', message: 'No such tab' } });
      if (message.type === 'account:status')
        return Promise.resolve({ ok: true, state: 'connected', account: fakeAccount() });
      return Promise.resolve({ ok: true, payments: [], card });
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
    const running = new AbortController();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await chargeConfirm.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/1042'),
    });
    const store = chargeStore(doc);
    expect(store.get().cardProblem).toBe(
      'The Stripe Confirm step did not load, so nothing can be charged: reload the page.',
    );
    store.set({ amountText: '10.00' });
    const Event = (doc.defaultView as unknown as typeof globalThis).Event;
    const confirm = new Event('submit', { bubbles: true, cancelable: true });
    findConfirmButton(doc)?.closest('form')?.dispatchEvent(confirm);
    expect(confirm.defaultPrevented).toBe(true);
    expect(asked.filter((m) => m.type === 'charges:create')).toEqual([]);
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
    running.abort();
  });

  it('shows the invoice history though charge-field never started', async () => {
    const doc = openPage('invoice-with-history');
    backgroundAnswers({
      'account:status': { ok: true, state: 'connected', account: fakeAccount() },
      'charges:list': { ok: true, payments: [payment({ invoiceNumber: '1047' })], card: null },
    });
    const running = new AbortController();
    await chargeHistory.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/1047'),
    });
    const panel = () =>
      doc.querySelector('stripe-charge-history')?.shadowRoot?.querySelector('[data-testid="stripe-status"]');
    await vi.waitFor(() => expect(panel()?.textContent).toContain('$10.00'));
    expect(panel()?.textContent).toContain('Paid');
    running.abort();
  });

  it('records on the invoice a charge whose recording failed when the invoice is opened again, in words without ids', async () => {
    const doc = openPage('invoice-unpaid');
    const session = new Map<string, string>();
    Object.defineProperty(doc.defaultView, 'sessionStorage', {
      configurable: true,
      value: {
        getItem: (key: string) => session.get(key) ?? null,
        setItem: (key: string, value: string) => void session.set(key, value),
        removeItem: (key: string) => void session.delete(key),
      },
    });
    // A new invoice saved and charged, whose Other Payment post did not make it: now opened as 1042.
    session.set(
      'qtsb-landing-note-1042',
      JSON.stringify({ text: 'The invoice was saved.', until: Date.now() + 9_999 }),
    );
    backgroundAnswers({
      'account:status': { ok: true, state: 'connected', account: fakeAccount() },
      'charges:list': { ok: true, payments: [payment({ amountMinor: 5846, recordedOnSite: false })], card },
    });
    const clicked: string[] = [];
    for (const button of Array.from(doc.querySelectorAll('button')))
      button.addEventListener('click', () => clicked.push(button.textContent ?? ''));
    const running = new AbortController();
    await chargeHistory.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/1042'),
    });
    await vi.waitFor(() => expect(clicked).toEqual(['Continue', 'Confirm']));
    const fields = findOtherPaymentFields(doc);
    expect([fields?.type.value, fields?.amount.value, fields?.note.value]).toEqual([
      'Other Credit Card',
      '58.46',
      'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz)',
    ]);
    const panel = doc
      .querySelector('stripe-charge-history')
      ?.shadowRoot?.querySelector('[data-testid="stripe-status"]');
    expect(panel?.textContent).toContain('Recording the Stripe payment of $58.46 on the invoice');
    expect(panel?.textContent).toContain('Charged $58.46 to Visa •••• 4242 on');
    expect(panel?.textContent).not.toMatch(/pi_|acct_|visa /);
    running.abort();
  });

  it.each([
    ['as this version names it', 'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz)'],
    ['as older versions named it, by the whole PaymentIntent id', 'Stripe Visa ••••4242 pi_3QaBc0000000000000Hq4Lm9Tz'],
  ])(
    'never records again a Stripe payment the site listed and then reversed (refunded), its note written %s',
    async (_how, note) => {
      const doc = openPage('invoice-with-history');
      const reversedNote = Array.from(doc.querySelectorAll('#paymentHistory tbody tr'))
        .find((row) => row.classList.contains('reversed'))
        ?.querySelectorAll('td')[3];
      if (!reversedNote) throw new Error('fixture lost its reversed payment');
      reversedNote.textContent = note;
      const asked = backgroundAnswers({
        'account:status': { ok: true, state: 'connected', account: fakeAccount() },
        'charges:list': {
          ok: true,
          payments: [payment({ invoiceNumber: '1047', amountMinor: 6712, refundedMinor: 6712, recordedOnSite: false })],
          card,
        },
        'charges:recorded': { ok: true },
      });
      const running = new AbortController();
      await chargeHistory.init(running.signal, {
        ctx: fakeCtx,
        document: doc,
        url: new URL('http://127.0.0.1:8788/invoices/1047'),
      });
      await vi.waitFor(() =>
        expect(asked.filter((m) => m.type === 'charges:recorded')).toEqual([
          { type: 'charges:recorded', paymentId: 'pay_abcdef123456' },
        ]),
      );
      expect(findOtherPaymentFields(doc)?.amount.value).toBe('');
      running.abort();
    },
  );
});
