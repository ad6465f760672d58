import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { chargeRequestSchema } from '../../../shared/api';
import { formatMinor } from '../../../shared/money';
import type { ApiEnv } from '../auth';
import { chargeResponse, driveAttempt } from '../charges/drive-attempt';
import { settleEarlierAttempts } from '../charges/earlier-attempts';
import { randomSecret } from '../crypto';
import { audit } from '../db/queries/audit';
import { cardOf, selectCustomer } from '../db/queries/customers';
import { invoiceIdOf, upsertInvoice } from '../db/queries/invoices';
import { authUrlsByPayment, selectAuthLinks, selectOpenPayLinkIntent } from '../db/queries/links';
import { committedMinor, insertPayment, markRecorded, selectInvoicePayments, selectPaymentByKey, toPaymentSummary, type PaymentRow } from '../db/queries/payments';
import { AppError } from '../errors';
import { NO_CARD_MESSAGE } from '../stripe/decline-messages';
import { validate } from '../validate';
import { invoicePayments } from './invoice-payments';

const IN_FLIGHT = new Set<PaymentRow['status']>(['pending', 'unknown', 'requires_action']);

/** An attempt Stripe already settled (or that waits for the customer): its answer, without calling Stripe. */
function answerSettled(c: Context<ApiEnv>, payment: PaymentRow, invoiceNumber: string, authUrls: Map<string, string>) {
  const summary = toPaymentSummary(payment, invoiceNumber, authUrls.get(payment.id) ?? null);
  if (payment.status === 'failed' || payment.status === 'canceled') return c.json({ error: { code: 'card_declined', message: summary.message ?? 'The charge failed.' }, payment: summary }, 402);
  return c.json({ payment: summary }, payment.status === 'succeeded' ? 200 : 202);
}

export const charges = new Hono<ApiEnv>()
  .post('/charges', validate('json', chargeRequestSchema), async (c) => {
    const { attemptId, invoice, amountMinor } = c.req.valid('json');
    const { db, account, tokenId } = c.var;
    if (invoice.currency !== account.defaultCurrency) {
      throw new AppError(400, 'validation_failed', `Your Stripe account charges in ${account.defaultCurrency.toUpperCase()}; this invoice is in ${invoice.currency.toUpperCase()}.`);
    }
    if (amountMinor > invoice.balanceDueMinor) {
      throw new AppError(400, 'amount_too_large', `The amount is more than the balance due (${formatMinor(invoice.balanceDueMinor, invoice.currency)}).`);
    }
    const now = Date.now();
    const invoiceId = invoiceIdOf(account.id, invoice.number);
    const idempotencyKey = `qtsb-charge-${attemptId}`;

    // Round trip 1: the invoice as shown, the card on file, and what Stripe already holds for it.
    const [, customerRows, paymentRows, openLinks, authLinks] = await db.batch([
      upsertInvoice(db, account.id, invoice, now),
      selectCustomer(db, account.id, invoice.customer.id),
      selectInvoicePayments(db, invoiceId),
      selectOpenPayLinkIntent(db, invoiceId, now),
      selectAuthLinks(db, account.id, invoiceId),
    ]);
    const authUrls = authUrlsByPayment(authLinks, c.env.PUBLIC_URL);
    const customer = customerRows[0];
    const openPayLink = openLinks[0] ?? null;
    const same = paymentRows.find((p) => p.idempotencyKey === idempotencyKey);
    // The same Confirm again (double click, retry after a timeout): answer it, or ask Stripe again with its key.
    if (same) return same.status === 'pending' || same.status === 'unknown' ? chargeResponse(c, await driveAttempt(c, same, invoice.number, openPayLink)) : answerSettled(c, same, invoice.number, authUrls);

    const card = cardOf(customer);
    if (!customer || !card || !customer.paymentMethodId) throw new AppError(400, 'validation_failed', NO_CARD_MESSAGE);
    const inFlight = paymentRows.filter((p) => IN_FLIGHT.has(p.status));
    if (inFlight.length > 0) await settleEarlierAttempts(c, inFlight, invoice.number, now);
    const settledRows = paymentRows.filter((p) => !IN_FLIGHT.has(p.status));
    const remaining = invoice.totalMinor - committedMinor(settledRows);
    if (amountMinor > remaining) {
      throw new AppError(400, 'amount_too_large', `Stripe has already taken ${formatMinor(invoice.totalMinor - remaining, invoice.currency)} for this invoice; at most ${formatMinor(Math.max(remaining, 0), invoice.currency)} can still be charged.`);
    }
    const row: PaymentRow = {
      id: randomSecret('pay_', 12),
      accountId: account.id,
      invoiceId,
      customerId: customer.id,
      source: 'stored_card',
      amountMinor,
      currency: invoice.currency,
      idempotencyKey,
      paymentIntentId: null,
      chargeId: null,
      status: 'pending',
      failureCode: null,
      failureMessage: null,
      cardBrand: card.brand,
      cardLast4: card.last4,
      feeMinor: null,
      netMinor: null,
      refundedMinor: 0,
      tokenId,
      requestParams: {
        stripeCustomerId: customer.stripeCustomerId,
        paymentMethodId: customer.paymentMethodId,
        receiptEmail: invoice.customer.email ?? customer.email,
        invoiceNumber: invoice.number,
        siteCustomerId: invoice.customer.id,
      },
      recordedOnSiteAt: null,
      createdAt: now,
      updatedAt: null,
    };
    // Round trip 2: the attempt and its idempotency key exist before Stripe hears of it.
    const [inserted] = await db.batch([insertPayment(db, row), audit(db, { accountId: account.id, tokenId, action: 'charge.attempted', subject: row.id, detail: { invoice: invoice.number, amountMinor } }, now)]);
    if (inserted.length > 0) return chargeResponse(c, await driveAttempt(c, row, invoice.number, openPayLink));
    // A concurrent request inserted this Confirm first: drive that attempt with its key instead.
    const [existing] = await selectPaymentByKey(db, account.id, idempotencyKey);
    if (!existing) throw new AppError(409, 'conflict', 'This charge is already being processed. Refresh the invoice in a moment.');
    return existing.status === 'pending' || existing.status === 'unknown' ? chargeResponse(c, await driveAttempt(c, existing, invoice.number, openPayLink)) : answerSettled(c, existing, invoice.number, authUrls);
  })
  .route('/', invoicePayments)
  .post('/payments/:id/recorded', validate('param', z.object({ id: z.string().check(z.regex(/^pay_[A-Za-z0-9_-]{4,40}$/, 'not a payment id')) })), async (c) => {
    const [row] = await markRecorded(c.var.db, c.var.account.id, c.req.valid('param').id, Date.now());
    if (!row) throw new AppError(404, 'not_found', 'No succeeded Stripe payment with that id on your account.');
    return c.json({ ok: true as const });
  });
