import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MAX_STATUS_INVOICES, type InvoiceStripeStatus, type RefundSummary, type SiteInvoice } from '../../shared/api';
import { rememberConnection } from '../../extension/src/background/connect/account-state';
import { handleMessage } from '../../extension/src/background/handle-message';
import { connectThisBrowser, contentScriptOn, fakeDeps, optionsPage } from './background-deps';

const paidList = contentScriptOn('http://127.0.0.1:8788/invoices/paid');
const invoice: SiteInvoice = {
  number: '1042',
  kind: 'normal_sale',
  totalMinor: 5846,
  balanceDueMinor: 5846,
  currency: 'usd',
  customer: { id: '501', name: 'Priya Natarajan', email: 'priya.n@example.net' },
};
const refund = { type: 'refunds:create', invoiceNumber: '1050', kind: 'normal_sale', amountMinor: 2000 } as const;

function status(overrides: Partial<InvoiceStripeStatus> = {}): InvoiceStripeStatus {
  return {
    number: '1050',
    kind: 'normal_sale',
    currency: 'usd',
    chargedMinor: 13315,
    refundedMinor: 2000,
    pendingRefundMinor: 0,
    refundableMinor: 11315,
    state: 'partially_refunded',
    unrecordedPaymentIds: [],
    card: null,
    lastRefundAt: null,
    ...overrides,
  };
}

function refundRow(overrides: Partial<RefundSummary> = {}): RefundSummary {
  return {
    id: 'ref_row_1',
    paymentId: 'pay_1',
    status: 'succeeded',
    amountMinor: 2000,
    message: null,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

type Answer = { status: number; body: unknown } | 'timeout';

/** A worker that answers each request in turn and remembers what it was sent. */
function fakeWorker(answers: Answer[]) {
  const sent: { url: string; body: Record<string, unknown> | null }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    sent.push({
      url: String(input),
      body: init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null,
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer === 'timeout') throw new DOMException('timed out', 'TimeoutError');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, sent, attemptIds: () => sent.map((s) => s.body?.['attemptId']) };
}

describe('refunds from the Paid Invoices list (background)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await connectThisBrowser();
  });

  it('asks for every row of the list in one request', async () => {
    const worker = fakeWorker([
      {
        status: 200,
        body: {
          invoices: [
            status({ number: '1050' }),
            status({ number: '1052', state: 'none', chargedMinor: 0, refundedMinor: 0, refundableMinor: 0 }),
          ],
        },
      },
    ]);
    const reply = await handleMessage(
      { type: 'refunds:status', numbers: ['1050', '1052'] },
      paidList,
      fakeDeps({ fetch: worker.fetch }),
    );
    expect(reply).toMatchObject({ ok: true, invoices: [{ number: '1050' }, { number: '1052', state: 'none' }] });
    expect(worker.sent).toEqual([
      { url: 'http://127.0.0.1:8787/api/invoices/status', body: { numbers: ['1050', '1052'] } },
    ]);
  });

  it('refunds only from the site pages, never from Stripe Settings', async () => {
    const worker = fakeWorker([]);
    expect(await handleMessage(refund, optionsPage(), fakeDeps({ fetch: worker.fetch }))).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(
      await handleMessage({ type: 'pay-links:create', invoice }, optionsPage(), fakeDeps({ fetch: worker.fetch })),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(worker.sent).toEqual([]);
  });

  it.each([
    ['a fraction of a cent', { ...refund, amountMinor: 20.5 }],
    ['nothing', { ...refund, amountMinor: 0 }],
    ['an invoice kind the site does not have', { ...refund, kind: 'gift' }],
    ['a refund reason Stripe does not know', { ...refund, reason: 'changed_mind' }],
    ['an attempt id chosen by the page', { ...refund, attemptId: 'rfd_0123456789abcdef' }],
    [
      'more than 5,000 invoices at once',
      { type: 'refunds:status', numbers: Array.from({ length: MAX_STATUS_INVOICES + 1 }, (_, i) => String(i)) },
    ],
  ])('refuses a message with %s', async (_what, message) => {
    const worker = fakeWorker([]);
    expect(await handleMessage(message, paidList, fakeDeps({ fetch: worker.fetch }))).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(worker.sent).toEqual([]);
  });

  it('asks about the same refund after a timeout, then starts a new one for the next click', async () => {
    const worker = fakeWorker([
      'timeout',
      { status: 200, body: { refunds: [refundRow()], status: status() } },
      { status: 200, body: { refunds: [refundRow({ id: 'ref_row_2' })], status: status({ refundedMinor: 4000 }) } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(await handleMessage(refund, paidList, deps)).toMatchObject({
      ok: true,
      outcome: 'unknown',
      record: null,
      message: expect.stringContaining('did not answer'),
    });
    expect(await handleMessage(refund, paidList, deps)).toMatchObject({
      ok: true,
      outcome: 'succeeded',
      message: null,
      record: { status: { refundedMinor: 2000 } },
    });
    await handleMessage(refund, paidList, deps);
    const [first, retry, next] = worker.attemptIds();
    expect(retry).toBe(first);
    expect(next).not.toBe(first);
    expect(worker.sent[1]?.body).toMatchObject({ amountMinor: 2000, invoiceNumber: '1050', kind: 'normal_sale' });
  });

  it("passes the consultant's reason to the worker, and none when none was chosen", async () => {
    const worker = fakeWorker([
      { status: 200, body: { refunds: [refundRow()], status: status() } },
      { status: 200, body: { refunds: [refundRow({ id: 'ref_row_2' })], status: status() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    await handleMessage({ ...refund, reason: 'requested_by_customer' }, paidList, deps);
    await handleMessage(refund, paidList, deps);
    expect(worker.sent[0]?.body).toMatchObject({ amountMinor: 2000, reason: 'requested_by_customer' });
    expect(worker.sent[1]?.body).not.toHaveProperty('reason');
  });

  it('never sends a kept refund attempt with another amount: the amount typed now is a new attempt', async () => {
    const worker = fakeWorker([
      'timeout',
      { status: 200, body: { refunds: [refundRow({ amountMinor: 500 })], status: status() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    await handleMessage(refund, paidList, deps);
    await handleMessage({ ...refund, amountMinor: 500 }, paidList, deps);
    const [first, second] = worker.attemptIds();
    expect(second).not.toBe(first);
    expect(worker.sent[1]?.body).toMatchObject({ amountMinor: 500 });
  });

  it('keeps the attempt while Stripe has not answered, and says so', async () => {
    const worker = fakeWorker([
      { status: 202, body: { refunds: [refundRow({ status: 'unknown' })], status: status() } },
      { status: 200, body: { refunds: [refundRow()], status: status() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(await handleMessage(refund, paidList, deps)).toMatchObject({
      ok: true,
      outcome: 'unknown',
      message: expect.stringMatching(/will not refund twice/),
    });
    await handleMessage(refund, paidList, deps);
    expect(worker.attemptIds()[1]).toBe(worker.attemptIds()[0]);
  });

  it("passes on the worker's sentence when the refund waits for funds in the Stripe balance", async () => {
    const message = 'Your Stripe balance is too low for this refund; Stripe will send it once funds arrive.';
    const worker = fakeWorker([
      {
        status: 202,
        body: {
          refunds: [refundRow({ status: 'pending', message })],
          status: status({ state: 'refund_pending', pendingRefundMinor: 2000 }),
        },
      },
    ]);
    expect(await handleMessage(refund, paidList, fakeDeps({ fetch: worker.fetch }))).toMatchObject({
      ok: true,
      outcome: 'pending',
      message,
      record: { status: { state: 'refund_pending' } },
    });
  });

  it('refuses in words a refund larger than what the card paid, and lets the next click start afresh', async () => {
    const tooMuch = {
      error: {
        code: 'amount_too_large',
        message:
          'At most $133.15 can be refunded: what was charged on the card for this invoice, less refunds already made or in progress.',
      },
    };
    const worker = fakeWorker([
      { status: 400, body: tooMuch },
      { status: 200, body: { refunds: [refundRow()], status: status() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(await handleMessage({ ...refund, amountMinor: 99_999 }, paidList, deps)).toMatchObject({
      ok: true,
      outcome: 'failed',
      record: null,
      message: expect.stringMatching(/At most \$133\.15/),
    });
    await handleMessage(refund, paidList, deps);
    expect(worker.attemptIds()[1]).not.toBe(worker.attemptIds()[0]);
    expect(worker.sent[1]?.body?.['amountMinor']).toBe(2000);
  });

  it('reports a refund Stripe failed, with the invoice as it now stands', async () => {
    const message =
      "The refund failed: the customer's card was reported lost or stolen. Return the money to the customer another way.";
    const failed = {
      refunds: [refundRow({ status: 'failed', message })],
      status: status({ refundedMinor: 0, state: 'paid' }),
    };
    const worker = fakeWorker([
      { status: 200, body: failed },
      { status: 200, body: { refunds: [refundRow()], status: status() } },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(await handleMessage(refund, paidList, deps)).toMatchObject({
      ok: true,
      outcome: 'failed',
      message,
      record: { status: { state: 'paid' } },
    });
    await handleMessage(refund, paidList, deps);
    expect(worker.attemptIds()[1]).not.toBe(worker.attemptIds()[0]);
  });
});

describe('payment links (background)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await rememberConnection('qtsb_token_for_tests_0123456789', {
      id: 'acct_1',
      businessName: 'Jane',
      livemode: false,
      currency: 'usd',
      status: 'connected',
      stripeIsDefaultGateway: true,
    });
  });

  it("gets the invoice's link for the balance the page shows, from the invoice or its email page", async () => {
    const link = { url: 'http://127.0.0.1:8787/pay/abc', expiresAt: 1_800_000_000_000, amountMinor: 5846 };
    const worker = fakeWorker([
      { status: 200, body: link },
      { status: 200, body: link },
    ]);
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(
      await handleMessage(
        { type: 'pay-links:create', invoice },
        contentScriptOn('http://127.0.0.1:8788/invoices/1042'),
        deps,
      ),
    ).toEqual({ ok: true, ...link });
    expect(
      await handleMessage(
        { type: 'pay-links:create', invoice },
        contentScriptOn('http://127.0.0.1:8788/invoices/1042/email'),
        deps,
      ),
    ).toEqual({ ok: true, ...link });
    expect(worker.sent[0]).toEqual({ url: 'http://127.0.0.1:8787/api/pay-links', body: { invoice } });
  });

  it('says in words when nothing is due', async () => {
    const worker = fakeWorker([
      {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'This invoice has nothing left to pay, so it needs no payment link.',
          },
        },
      },
    ]);
    const reply = await handleMessage(
      { type: 'pay-links:create', invoice: { ...invoice, balanceDueMinor: 0 } },
      contentScriptOn('http://127.0.0.1:8788/invoices/1042'),
      fakeDeps({ fetch: worker.fetch }),
    );
    expect(reply).toEqual({
      ok: false,
      code: 'validation_failed',
      message: 'This invoice has nothing left to pay, so it needs no payment link.',
    });
  });
});
