import { Hono } from 'hono';
import * as z from 'zod/mini';
import { chargeRequestSchema } from '../../../shared/api';
import { formatMinor } from '../../../shared/money';
import { DISCONNECTED_MESSAGE, type ApiEnv } from '../auth';
import { disconnectStatements } from '../db/queries/accounts';
import { randomSecret } from '../crypto';
import { audit } from '../db/queries/audit';
import { cardOf, selectCustomer } from '../db/queries/customers';
import { invoiceIdOf, upsertInvoice } from '../db/queries/invoices';
import { newLink } from '../db/queries/links';
import { applyOutcome, committedMinor, insertPayment, markRecorded, selectInvoicePayments, selectPaymentByKey, toPaymentSummary, type PaymentRow } from '../db/queries/payments';
import { AppError } from '../errors';
import { createStripe } from '../stripe/client';
import { createCharge } from '../stripe/create-charge';
import { NO_CARD_MESSAGE } from '../stripe/decline-messages';
import { validate } from '../validate';
import { invoicePayments } from './invoice-payments';

const IN_FLIGHT = new Set<PaymentRow['status']>(['pending', 'unknown', 'requires_action']);

export const charges = new Hono<ApiEnv>()
  .post('/charges', validate('json', chargeRequestSchema), async (c) => {
    const { attemptId, invoice, amountMinor } = c.req.valid('json');
    const { db, account, tokenId } = c.var;
    if (invoice.kind !== 'normal_sale' && invoice.kind !== 'return_exchange') throw new AppError(400, 'validation_failed', 'Unknown invoice kind.');
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
    const [, customerRows, paymentRows] = await db.batch([
      upsertInvoice(db, account.id, invoice, now),
      selectCustomer(db, account.id, invoice.customer.id),
      selectInvoicePayments(db, invoiceId),
    ]);
    const customer = customerRows[0];
    let payment = paymentRows.find((p) => p.idempotencyKey === idempotencyKey);

    if (payment && !IN_FLIGHT.has(payment.status)) return c.json({ payment: toPaymentSummary(payment, invoice.number, null) });
    if (payment?.status === 'requires_action') return c.json({ payment: toPaymentSummary(payment, invoice.number, null) }, 202);
    if (!payment) {
      const card = cardOf(customer);
      if (!customer || !card || !customer.paymentMethodId) throw new AppError(400, 'validation_failed', NO_CARD_MESSAGE);
      if (paymentRows.some((p) => IN_FLIGHT.has(p.status))) {
        throw new AppError(409, 'conflict', 'Another Stripe charge on this invoice is still in progress or waiting for the customer. Wait for it to settle before charging again.');
      }
      const remaining = invoice.totalMinor - committedMinor(paymentRows);
      if (amountMinor > remaining) {
        throw new AppError(400, 'amount_too_large', `Stripe has already taken ${formatMinor(invoice.totalMinor - remaining, invoice.currency)} for this invoice; at most ${formatMinor(Math.max(remaining, 0), invoice.currency)} can still be charged.`);
      }
      // Round trip 2: the attempt and its idempotency key exist before Stripe hears of it.
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
        recordedOnSiteAt: null,
        createdAt: now,
        updatedAt: null,
      };
      const [inserted] = await db.batch([insertPayment(db, row), audit(db, { accountId: account.id, tokenId, action: 'charge.attempted', subject: row.id, detail: { invoice: invoice.number, amountMinor } }, now)]);
      if (inserted.length > 0) payment = row;
      else {
        // The same Confirm is already being processed by a concurrent request: drive that attempt.
        const [existing] = await selectPaymentByKey(db, account.id, idempotencyKey);
        if (!existing) throw new AppError(409, 'conflict', 'This charge is already being processed. Refresh the invoice in a moment.');
        if (!IN_FLIGHT.has(existing.status) || existing.status === 'requires_action') return c.json({ payment: toPaymentSummary(existing, invoice.number, null) }, existing.status === 'succeeded' ? 200 : 202);
        payment = existing;
      }
    }
    if (!customer?.paymentMethodId) throw new AppError(400, 'validation_failed', NO_CARD_MESSAGE);

    const outcome = await createCharge(createStripe(c.env), {
      stripeAccount: account.id,
      idempotencyKey,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      stripeCustomerId: customer.stripeCustomerId,
      paymentMethodId: customer.paymentMethodId,
      receiptEmail: invoice.customer.email ?? customer.email,
      invoiceNumber: invoice.number,
      siteCustomerId: invoice.customer.id,
      paymentId: payment.id,
    });
    const settledAt = Date.now();
    const auth = outcome.status === 'requires_action' ? await newLink(db, c.env.PUBLIC_URL, { purpose: 'authenticate', accountId: account.id, invoiceId, customerId: customer.id, paymentId: payment.id, stripeObjectId: outcome.paymentIntentId ?? null }, settledAt) : null;
    // Round trip 3: the result, its audit line and, when the bank asks for it, the customer's link.
    await db.batch([
      applyOutcome(db, payment.id, { ...outcome, updatedAt: settledAt }),
      audit(db, { accountId: account.id, tokenId, action: `charge.${outcome.status}`, subject: payment.id, detail: { invoice: invoice.number, amountMinor: payment.amountMinor, paymentIntent: outcome.paymentIntentId ?? null, failureCode: outcome.failureCode ?? null } }, settledAt),
      ...(auth ? [auth.insert] : []),
      // Stripe says access is gone: the account is disconnected now, not when the webhook arrives.
      ...(outcome.failureCode === 'not_connected' ? disconnectStatements(db, account.id, settledAt) : []),
    ]);
    const summary = toPaymentSummary({ ...payment, ...outcome, updatedAt: settledAt }, invoice.number, auth?.url ?? null);
    if (outcome.failureCode === 'not_connected') return c.json({ error: { code: 'not_connected', message: DISCONNECTED_MESSAGE }, payment: summary }, 401);
    if (outcome.status === 'failed') return c.json({ error: { code: 'card_declined', message: summary.message ?? 'The charge failed.' }, payment: summary }, 402);
    return c.json({ payment: summary }, outcome.status === 'succeeded' ? 200 : 202);
  })
  .route('/', invoicePayments)
  .post('/payments/:id/recorded', validate('param', z.object({ id: z.string().check(z.regex(/^pay_[A-Za-z0-9_-]{4,40}$/, 'not a payment id')) })), async (c) => {
    const [row] = await markRecorded(c.var.db, c.var.account.id, c.req.valid('param').id, Date.now());
    if (!row) throw new AppError(404, 'not_found', 'No succeeded Stripe payment with that id on your account.');
    return c.json({ ok: true as const });
  });
