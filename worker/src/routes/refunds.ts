import { Hono } from '../hono';
import { refundRequest } from '../../../shared/api-requests';
import { formatMinor } from '../../../shared/money';
import type { ApiEnv } from '../auth';
import { audit } from '../db/queries/audit';
import {
  paymentFactsQuery,
  refundableByPayment,
  refundFactsQuery,
  summarize,
  type RefundFact,
} from '../db/queries/invoice-status';
import {
  applyRefundOutcome,
  insertPlannedRefunds,
  recomputeRefunded,
  selectRefundsOfAttempt,
  toRefundSummary,
  type RefundRow,
} from '../db/queries/refunds';
import { runBatch } from '../db/run-batch';
import { AppError } from '../errors';
import { driveRefund } from '../refunds/drive-refund';
import { planRefund, refundAttemptKey } from '../refunds/plan';
import { validate } from '../validate';

export const refundRoutes = new Hono<ApiEnv>().post('/refunds', validate('json', refundRequest), async (c) => {
  const { attemptId, invoiceNumber, kind, amountMinor, reason } = c.req.valid('json');
  const { db, account, tokenId } = c.var;
  const notAllowed = 'Return/Exchange invoices cannot be refunded to Stripe; only Normal Sale invoices can.';
  if (kind !== 'normal_sale') throw new AppError(400, 'refund_not_allowed', notAllowed);
  const attemptKey = refundAttemptKey(attemptId);

  // Round trip 1: the invoice's Stripe payments and refunds, and this click's refunds if it was sent before.
  const [paymentRows, refundRows, earlier] = await db.batch([
    paymentFactsQuery(db, account.id, [invoiceNumber]),
    refundFactsQuery(db, account.id, [invoiceNumber]),
    selectRefundsOfAttempt(db, account.id, attemptKey),
  ]);
  if (paymentRows.length === 0 && earlier.length === 0)
    throw new AppError(404, 'not_found', `Invoice ${invoiceNumber} has no Stripe payment on your account.`);
  if (paymentRows.some((p) => p.kind !== 'normal_sale')) throw new AppError(400, 'refund_not_allowed', notAllowed);
  const status = summarize(invoiceNumber, paymentRows, refundRows);
  const money = (minor: number) => formatMinor(minor, status.currency);

  let attempt: RefundRow[] = earlier;
  if (attempt.length > 0) {
    // The same click again: only for the same invoice and amount (as Stripe refuses a reused key with other parameters).
    const sameInvoice = attempt.every((r) => paymentRows.some((p) => p.paymentId === r.paymentId));
    const sameAmount = attempt.reduce((s, r) => s + r.amountMinor, 0) === amountMinor;
    if (!sameInvoice || !sameAmount)
      throw new AppError(
        409,
        'conflict',
        'This refund click was already used for another amount or invoice. Nothing was refunded now: refresh the list and refund again.',
      );
  } else {
    if (status.chargedMinor === 0)
      throw new AppError(400, 'refund_not_allowed', 'This invoice has no Stripe payment to refund.');
    const tooMuch = () =>
      new AppError(
        400,
        'amount_too_large',
        `At most ${money(status.refundableMinor)} can be refunded: what was charged on the card for this invoice, less refunds already made or in progress.`,
      );
    if (amountMinor > status.refundableMinor) throw tooMuch();
    const plan = planRefund(
      paymentRows,
      refundableByPayment(paymentRows, refundRows),
      attemptKey,
      amountMinor,
      reason ?? null,
    );
    const [firstPlanned] = plan;
    if (!firstPlanned) throw tooMuch();
    const now = Date.now();
    // Round trip 2: the refunds and their keys exist before Stripe hears of them — all of them, or
    // none if another refund of the same money got there first.
    const [inserted] = await db.batch([
      insertPlannedRefunds(db, account.id, attemptKey, tokenId, plan, now),
      audit(
        db,
        {
          accountId: account.id,
          tokenId,
          action: 'refund.attempted',
          subject: invoiceNumber,
          detail: { amountMinor, reason: reason ?? null },
        },
        now,
      ),
    ]);
    if (inserted.length !== plan.length)
      throw new AppError(
        409,
        'conflict',
        'Another refund of this invoice was made at the same moment. Nothing more was refunded: refresh the list to see what is left.',
      );
    attempt = plan.map((r) => ({
      ...r,
      accountId: account.id,
      attemptKey,
      stripeRefundId: null,
      status: 'unknown',
      failureReason: null,
      tokenId,
      createdAt: now,
      updatedAt: null,
    }));
  }

  const stripe = await c.var.stripe();
  const intentOf = new Map(paymentRows.map((p) => [p.paymentId, p.paymentIntentId]));
  const settled: RefundRow[] = [];
  for (const row of attempt) {
    const paymentIntentId = intentOf.get(row.paymentId);
    if (row.status !== 'unknown' || !paymentIntentId) {
      settled.push(row);
      continue;
    }
    const outcome = await driveRefund(stripe, account.id, row, paymentIntentId, invoiceNumber);
    settled.push({ ...row, ...outcome, updatedAt: Date.now() });
  }
  const now = Date.now();
  const applied = settled.map((r) =>
    applyRefundOutcome(db, account.id, r.id, {
      status: r.status,
      stripeRefundId: r.stripeRefundId,
      failureReason: r.failureReason,
      updatedAt: now,
    }),
  );
  const audits = settled.map((r) =>
    audit(
      db,
      {
        accountId: account.id,
        tokenId,
        action: `refund.${r.status}`,
        subject: r.id,
        detail: { invoice: invoiceNumber, amountMinor: r.amountMinor, refund: r.stripeRefundId },
      },
      now,
    ),
  );
  // Round trip 3: Stripe's answers, then what they change on the payments.
  await runBatch(db, [
    ...applied,
    recomputeRefunded(
      db,
      account.id,
      settled.map((r) => r.paymentId),
    ),
    ...audits,
  ]);

  const mineIds = new Set(settled.map((r) => r.id));
  const facts: RefundFact[] = [
    ...refundRows.filter((r) => !mineIds.has(r.refundId)),
    ...settled.map((r) => ({
      refundId: r.id,
      refundPaymentId: r.paymentId,
      refundStatus: r.status,
      refundAmountMinor: r.amountMinor,
      refundAt: r.updatedAt ?? r.createdAt,
    })),
  ];
  const body = { refunds: settled.map(toRefundSummary), status: summarize(invoiceNumber, paymentRows, facts) };
  // Attempted: always the record, whatever Stripe said; each refund's status and sentence tell.
  return c.json(body, 200);
});
