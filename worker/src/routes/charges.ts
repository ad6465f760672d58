import { Hono } from '../hono';
import * as z from 'zod/mini';
import { chargeRequest } from '../../../shared/api-requests';
import { formatMinor } from '../../../shared/money';
import type { ApiEnv } from '../auth';
import { chargeResponse } from '../charges/answer';
import { driveAttempt, type ChargeScope } from '../charges/drive-attempt';
import { explainOpenAttempt } from '../charges/earlier-attempts';
import { openAttempt } from '../charges/open-attempt';
import { randomSecret } from '../crypto';
import { cardOf } from '../db/queries/customers';
import { invoiceIdOf } from '../db/queries/invoices';
import { authUrlsByPayment } from '../db/queries/links';
import { committedMinor, IN_FLIGHT, markRecorded, toPaymentSummary } from '../db/queries/payments';
import { AppError } from '../errors';
import { NO_CARD_MESSAGE } from '../stripe/decline-messages';
import { minimumChargeMinor } from '../stripe/minimums';
import { validate } from '../validate';
import { invoicePayments } from './invoice-payments';

export const charges = new Hono<ApiEnv>()
  .post('/charges', validate('json', chargeRequest), async (c) => {
    const { attemptId, invoice, amountMinor } = c.req.valid('json');
    const { db, account, tokenId } = c.var;
    const money = (minor: number) => formatMinor(minor, invoice.currency);
    if (invoice.currency !== account.defaultCurrency) {
      throw new AppError(
        400,
        'validation_failed',
        `Your Stripe account charges in ${account.defaultCurrency.toUpperCase()}; this invoice is in ${invoice.currency.toUpperCase()}.`,
      );
    }
    if (amountMinor > invoice.balanceDueMinor)
      throw new AppError(
        400,
        'amount_too_large',
        `The amount is more than the balance due (${money(invoice.balanceDueMinor)}).`,
      );
    const minimum = minimumChargeMinor(invoice.currency);
    if (amountMinor < minimum)
      throw new AppError(
        400,
        'validation_failed',
        `Stripe cannot charge less than ${money(minimum)} to a card. Nothing was charged.`,
      );

    const now = Date.now();
    const scope: ChargeScope = { db, env: c.env, accountId: account.id, tokenId };
    const invoiceId = invoiceIdOf(account.id, invoice.number);
    const idempotencyKey = `qtsb-charge-${attemptId}`;
    const paymentId = randomSecret('pay_', 12);

    // Round trip 1: D1 opens the attempt only if no other charge of the invoice is in flight and the
    // amount fits what is left of the total; the reads after it explain a refusal.
    const [, inserted, , [mine], paymentRows, [customer], payLinks, authLinks] = await openAttempt(db, {
      paymentId,
      accountId: account.id,
      tokenId,
      invoiceId,
      invoice,
      amountMinor,
      idempotencyKey,
      now,
    });
    if (inserted.length > 0 && mine) {
      const { summary } = await driveAttempt(scope, mine, invoice.number, payLinks, now);
      return chargeResponse(c, summary);
    }

    if (mine) {
      // The same Confirm again (double click, retry after a timeout, another tab): only with the
      // same invoice and amount, as Stripe refuses a key reused with other parameters.
      if (mine.invoiceId !== invoiceId || mine.amountMinor !== amountMinor) {
        throw new AppError(
          409,
          'conflict',
          `This Confirm was already used to charge ${formatMinor(mine.amountMinor, mine.currency)}. Nothing was charged now: refresh the invoice and confirm again.`,
        );
      }
      if (mine.status === 'pending' || mine.status === 'unknown') {
        const { summary } = await driveAttempt(scope, mine, invoice.number, [], now);
        return chargeResponse(c, summary);
      }
      const authUrl = authUrlsByPayment(authLinks, c.env.PUBLIC_URL).get(mine.id) ?? null;
      return chargeResponse(c, toPaymentSummary(mine, invoice.number, authUrl));
    }

    if (!cardOf(customer)) throw new AppError(400, 'validation_failed', NO_CARD_MESSAGE);
    const open = paymentRows.find((p) => IN_FLIGHT.has(p.status));
    if (open) throw await explainOpenAttempt(scope, open, invoice.number, now);
    const remaining = Math.max(invoice.totalMinor - committedMinor(paymentRows), 0);
    throw new AppError(
      400,
      'amount_too_large',
      `Stripe has already taken ${money(invoice.totalMinor - remaining)} for this invoice; at most ${money(remaining)} can still be charged.`,
    );
  })
  .route('/', invoicePayments)
  .post(
    '/payments/:id/recorded',
    validate('param', () =>
      z.object({ id: z.string().check(z.regex(/^pay_[A-Za-z0-9_-]{4,40}$/, 'not a payment id')) }),
    ),
    async (c) => {
      const [row] = await markRecorded(c.var.db, c.var.account.id, c.req.valid('param').id, Date.now());
      if (!row) throw new AppError(404, 'not_found', 'No succeeded Stripe payment with that id on your account.');
      return c.json({ ok: true as const });
    },
  );
