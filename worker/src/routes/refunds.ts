import { Hono } from 'hono';
import { refundRequestSchema } from '../../../shared/api';
import { formatMinor } from '../../../shared/money';
import type { ApiEnv } from '../auth';
import { randomSecret } from '../crypto';
import { audit } from '../db/queries/audit';
import { paymentFactsQuery, refundableByPayment, refundFactsQuery, summarize, type RefundFact } from '../db/queries/invoice-status';
import { applyRefundOutcome, insertRefund, recomputeRefunded, selectRefundsOfAttempt, toRefundSummary, type RefundRow } from '../db/queries/refunds';
import { AppError } from '../errors';
import { loadStripe } from '../stripe/client';
import { createRefund } from '../stripe/create-refund';
import { validate } from '../validate';

/** Only a refund whose create call has no answer yet is asked again (same key); pending ones settle by webhook. */
const OPEN = new Set<RefundRow['status']>(['unknown']);

export const refundRoutes = new Hono<ApiEnv>()
  .post('/refunds', validate('json', refundRequestSchema), async (c) => {
    const { attemptId, invoiceNumber, kind, amountMinor } = c.req.valid('json');
    const { db, account, tokenId } = c.var;
    const notAllowed = 'Return/Exchange invoices cannot be refunded to Stripe; only Normal Sale invoices can.';
    if (kind !== 'normal_sale') throw new AppError(400, 'refund_not_allowed', notAllowed);
    const prefix = `qtsb-refund-${attemptId}-`;

    // Round trip 1: the invoice's Stripe payments and refunds, and this click's earlier attempt if any.
    const [paymentRows, refundRows, earlier] = await db.batch([paymentFactsQuery(db, account.id, [invoiceNumber]), refundFactsQuery(db, account.id, [invoiceNumber]), selectRefundsOfAttempt(db, prefix)]);
    if (paymentRows.some((p) => p.kind !== 'normal_sale')) throw new AppError(400, 'refund_not_allowed', notAllowed);
    const status = summarize(invoiceNumber, paymentRows, refundRows);
    if (status.chargedMinor === 0) throw new AppError(400, 'refund_not_allowed', 'This invoice has no Stripe payment to refund.');

    let attempt: RefundRow[] = earlier;
    if (attempt.length === 0) {
      if (amountMinor > status.refundableMinor) {
        throw new AppError(400, 'amount_too_large', `At most ${formatMinor(status.refundableMinor, status.currency)} can be refunded: what was charged on the card for this invoice, less refunds already made or in progress.`);
      }
      // Newest payment first, never more than what is left on each.
      const left = refundableByPayment(paymentRows, refundRows);
      const newestFirst = [...paymentRows].filter((p) => p.status === 'succeeded').sort((a, b) => b.createdAt - a.createdAt);
      let remaining = amountMinor;
      const now = Date.now();
      for (const p of newestFirst) {
        const take = Math.min(remaining, left.get(p.paymentId) ?? 0);
        if (take <= 0) continue;
        attempt.push({ id: randomSecret('ref_row_', 9), paymentId: p.paymentId, amountMinor: take, idempotencyKey: `${prefix}${p.paymentId}`, stripeRefundId: null, status: 'unknown', failureReason: null, tokenId, createdAt: now, updatedAt: null });
        remaining -= take;
      }
      const [firstInsert, ...moreInserts] = attempt.map((r) => insertRefund(db, r));
      // Round trip 2: the refunds and their keys exist before Stripe hears of them.
      if (firstInsert) await db.batch([firstInsert, ...moreInserts, audit(db, { accountId: account.id, tokenId, action: 'refund.attempted', subject: invoiceNumber, detail: { amountMinor } })]);
      attempt = (await selectRefundsOfAttempt(db, prefix)) as RefundRow[];
    }

    const stripe = await loadStripe(c.env);
    const intentOf = new Map(paymentRows.map((p) => [p.paymentId, p.paymentIntentId]));
    const settled: RefundRow[] = [];
    for (const row of attempt) {
      const paymentIntentId = intentOf.get(row.paymentId);
      if (!OPEN.has(row.status) || !paymentIntentId) {
        settled.push(row);
        continue;
      }
      const outcome = await createRefund(stripe, { stripeAccount: account.id, paymentIntentId, amountMinor: row.amountMinor, idempotencyKey: row.idempotencyKey, invoiceNumber, refundId: row.id });
      settled.push({ ...row, ...outcome, updatedAt: Date.now() });
    }
    const now = Date.now();
    const writes = settled.flatMap((r) => [
      applyRefundOutcome(db, r.id, { status: r.status, stripeRefundId: r.stripeRefundId, failureReason: r.failureReason, updatedAt: now }),
      recomputeRefunded(db, r.paymentId),
      audit(db, { accountId: account.id, tokenId, action: `refund.${r.status}`, subject: r.id, detail: { invoice: invoiceNumber, amountMinor: r.amountMinor, refund: r.stripeRefundId } }, now),
    ]);
    const [firstWrite, ...moreWrites] = writes;
    // Round trip 3: Stripe's answers and what they change on the payments.
    if (firstWrite) await db.batch([firstWrite, ...moreWrites]);

    const mineIds = new Set(settled.map((r) => r.id));
    const facts: RefundFact[] = [
      ...refundRows.filter((r) => !mineIds.has(r.refundId)),
      ...settled.map((r) => ({ refundId: r.id, refundPaymentId: r.paymentId, refundStatus: r.status, refundAmountMinor: r.amountMinor })),
    ];
    const body = { refunds: settled.map(toRefundSummary), status: summarize(invoiceNumber, paymentRows, facts) };
    const failed = settled.find((r) => r.status === 'failed' || r.status === 'canceled');
    if (failed) return c.json({ error: { code: 'stripe_error', message: failed.failureReason ?? 'The refund failed.' }, ...body }, 402);
    return c.json(body, settled.every((r) => r.status === 'succeeded') ? 200 : 202);
  });
