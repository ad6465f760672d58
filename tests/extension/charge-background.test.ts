import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PaymentSummary, SiteInvoice } from '../../shared/api';
import { chargeAttempts } from '../../extension/src/background/charge/charges';
import { handleMessage } from '../../extension/src/background/handle-message';
import { connectThisBrowser, contentScriptOn, fakeDeps, optionsPage } from './background-deps';

const invoicePage = 'http://127.0.0.1:8788/invoices/1042';
const invoice: SiteInvoice = {
  number: '1042',
  kind: 'normal_sale',
  totalMinor: 5846,
  balanceDueMinor: 5846,
  currency: 'usd',
  customer: { id: '501', name: 'Priya Natarajan', email: 'priya.n@example.net' },
};
const charge = { type: 'charges:create', invoice, amountMinor: 2000 } as const;

function payment(overrides: Partial<PaymentSummary> = {}): PaymentSummary {
  return {
    id: 'pay_abcdef123456',
    invoiceNumber: '1042',
    status: 'succeeded',
    amountMinor: 2000,
    currency: 'usd',
    card: { brand: 'visa', last4: '4242' },
    feeMinor: 88,
    netMinor: 1912,
    refundedMinor: 0,
    paymentIntentId: 'pi_123',
    chargeId: 'ch_123',
    message: null,
    failureCode: null,
    authenticationUrl: null,
    createdAt: 1_700_000_000_000,
    recordedOnSite: false,
    ...overrides,
  };
}

type Answer = { status: number; body: unknown } | 'timeout';

/** A worker that answers each POST /api/charges in turn and remembers the attempt ids it was sent. */
function fakeWorker(answers: Answer[]) {
  const attemptIds: string[] = [];
  const sentAmounts: number[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { attemptId?: string; amountMinor?: number };
    if (String(input).endsWith('/api/charges') && body.attemptId) {
      attemptIds.push(body.attemptId);
      sentAmounts.push(body.amountMinor ?? 0);
    }
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer === 'timeout') throw new DOMException('timed out', 'TimeoutError');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, attemptIds, sentAmounts };
}

describe('charging from the invoice page (background)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await connectThisBrowser();
  });

  it('only takes a charge from the invoice page, never from Stripe Settings', async () => {
    const worker = fakeWorker([]);
    const reply = await handleMessage(charge, optionsPage(), fakeDeps({ fetch: worker.fetch }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(worker.attemptIds).toEqual([]);
  });

  it.each([
    ['an amount with a fraction of a cent', { ...charge, amountMinor: 20.5 }],
    ['a negative amount', { ...charge, amountMinor: -100 }],
    ['an invoice without a customer', { ...charge, invoice: { ...invoice, customer: undefined } }],
    ['an attempt id chosen by the page', { ...charge, attemptId: 'mine-mine-mine-mine' }],
  ])('refuses %s', async (_name, message) => {
    const reply = await handleMessage(message, contentScriptOn(invoicePage), fakeDeps({ fetch: fakeWorker([]).fetch }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('asks again with the same attempt id after a timeout, and a new id for the next Confirm once settled', async () => {
    const worker = fakeWorker([
      'timeout',
      { status: 200, body: { payment: payment() } },
      { status: 200, body: { payment: payment({ id: 'pay_second123456' }) } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    const first = await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(first).toMatchObject({
      ok: true,
      outcome: 'unknown',
      record: null,
      message: expect.stringContaining('did not answer'),
    });
    const retried = await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(retried).toMatchObject({ ok: true, outcome: 'succeeded', record: { status: 'succeeded' } });
    await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(worker.attemptIds).toHaveLength(3);
    expect(worker.attemptIds[1]).toBe(worker.attemptIds[0]);
    expect(worker.attemptIds[2]).not.toBe(worker.attemptIds[0]);
    expect(worker.attemptIds[0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('keeps the attempt while Stripe has not said, so Check again cannot charge twice', async () => {
    const unknown = payment({
      status: 'unknown',
      message: 'Stripe did not confirm the charge yet.',
      paymentIntentId: null,
    });
    const worker = fakeWorker([
      { status: 202, body: { payment: unknown } },
      { status: 200, body: { payment: payment() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(await handleMessage(charge, contentScriptOn(invoicePage), deps)).toMatchObject({
      ok: true,
      outcome: 'unknown',
      record: { status: 'unknown' },
    });
    expect(await handleMessage(charge, contentScriptOn(invoicePage), deps)).toMatchObject({
      ok: true,
      outcome: 'succeeded',
      record: { status: 'succeeded' },
    });
    expect(new Set(worker.attemptIds).size).toBe(1);
  });

  it("shows a decline in the worker's words and lets the next Confirm be a new charge", async () => {
    const declined = payment({
      status: 'failed',
      message: 'The card was declined. Ask the customer for another card.',
      failureCode: 'card_declined',
    });
    const worker = fakeWorker([
      { status: 200, body: { payment: declined } },
      { status: 200, body: { payment: payment() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    const reply = await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(reply).toMatchObject({
      ok: true,
      outcome: 'failed',
      message: 'The card was declined. Ask the customer for another card.',
      record: { status: 'failed' },
    });
    await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(worker.attemptIds[1]).not.toBe(worker.attemptIds[0]);
  });

  it('gives one attempt id to two Confirms arriving together', async () => {
    const worker = fakeWorker([
      { status: 202, body: { payment: payment({ status: 'unknown' }) } },
      { status: 200, body: { payment: payment() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    await Promise.all([
      handleMessage(charge, contentScriptOn(invoicePage), deps),
      handleMessage(charge, contentScriptOn(invoicePage), deps),
    ]);
    expect(worker.attemptIds).toHaveLength(2);
    expect(worker.attemptIds[1]).toBe(worker.attemptIds[0]);
  });

  it('never sends a kept attempt with another amount: a new amount is a new attempt', async () => {
    const worker = fakeWorker(['timeout', { status: 200, body: { payment: payment({ amountMinor: 3000 }) } }]);
    const deps = fakeDeps({ fetch: worker.fetch });
    await handleMessage(charge, contentScriptOn(invoicePage), deps);
    await handleMessage({ ...charge, amountMinor: 3000 }, contentScriptOn(invoicePage), deps);
    expect(worker.attemptIds[1]).not.toBe(worker.attemptIds[0]);
    expect(worker.sentAmounts).toEqual([2000, 3000]);
  });

  it.each([
    [
      'disconnected',
      {
        status: 401,
        body: { error: { code: 'not_connected', message: 'Stripe disconnected — reconnect in Stripe Settings.' } },
      },
    ],
    ['rate limited', { status: 429, body: { error: { code: 'rate_limited', message: 'Too many attempts.' } } }],
    ['refused as too much', { status: 400, body: { error: { code: 'amount_too_large', message: 'At most $10.00.' } } }],
  ] as const)('forgets an attempt the worker refused before trying it (%s)', async (_name, refusal) => {
    const worker = fakeWorker([refusal, { status: 200, body: { payment: payment() } }]);
    const deps = fakeDeps({ fetch: worker.fetch });
    const first = await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(first).toMatchObject({ ok: true, outcome: 'failed', record: null });
    await connectThisBrowser();
    await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(worker.attemptIds[1]).not.toBe(worker.attemptIds[0]);
  });

  it('starts a new attempt once a kept one is older than Stripe remembers its key', async () => {
    const worker = fakeWorker(['timeout', { status: 200, body: { payment: payment() } }]);
    const deps = fakeDeps({ fetch: worker.fetch });
    await handleMessage(charge, contentScriptOn(invoicePage), deps);
    const kept = await chargeAttempts.item.getValue();
    const old = Object.fromEntries(
      Object.entries(kept).map(([k, a]) => [k, { ...a, startedAt: a.startedAt - 24 * 60 * 60_000 }]),
    );
    await chargeAttempts.item.setValue(old);
    await handleMessage(charge, contentScriptOn(invoicePage), deps);
    expect(worker.attemptIds[1]).not.toBe(worker.attemptIds[0]);
  });

  it('marks Stripe disconnected when the charge met revoked access, and forgets the attempt', async () => {
    const revoked = payment({
      status: 'failed',
      failureCode: 'not_connected',
      message: 'Stripe disconnected — reconnect in Stripe Settings. Nothing was charged or refunded.',
    });
    const worker = fakeWorker([{ status: 200, body: { payment: revoked } }]);
    const reply = await handleMessage(charge, contentScriptOn(invoicePage), fakeDeps({ fetch: worker.fetch }));
    expect(reply).toMatchObject({ ok: true, outcome: 'failed', record: { failureCode: 'not_connected' } });
    expect(await handleMessage({ type: 'account:status' }, contentScriptOn(invoicePage), fakeDeps())).toMatchObject({
      state: 'disconnected',
    });
    expect(await chargeAttempts.item.getValue()).toEqual({});
  });
});
