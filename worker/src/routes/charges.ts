import { Hono } from '../hono';
import { chargeRequest } from '../../../shared/api-requests';
import type { SiteInvoice } from '../../../shared/api';
import { formatMinor } from '../../../shared/money';
import { admitRows, checkToken, type ClaimEnv } from '../auth';
import { chargeResponse } from '../charges/answer';
import { driveAttempt, type ChargeScope } from '../charges/drive-attempt';
import { explainOpenAttempt } from '../charges/earlier-attempts';
import { openAttempt } from '../charges/open-attempt';
import { randomSecret } from '../crypto';
import { cardOf } from '../db/queries/customers';
import { invoiceIdOf } from '../db/queries/invoices';
import { authUrlsByPayment } from '../db/queries/links';
import { committedMinor, IN_FLIGHT, toPaymentSummary } from '../db/queries/payments';
import { AppError } from '../errors';
import { NO_CARD_MESSAGE } from '../stripe/decline-messages';
import { minimumChargeMinor } from '../stripe/minimums';
import { validate } from '../validate';

/** What is wrong with the amount asked whatever the account holds, or null. */
function refusal(invoice: SiteInvoice, amountMinor: number): AppError | null {
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  if (amountMinor > invoice.balanceDueMinor)
    return new AppError(
      400,
      'amount_too_large',
      `The amount is more than the balance due (${money(invoice.balanceDueMinor)}).`,
    );
  const minimum = minimumChargeMinor(invoice.currency);
  if (amountMinor < minimum)
    return new AppError(
      400,
      'validation_failed',
      `Stripe cannot charge less than ${money(minimum)} to a card. Nothing was charged.`,
    );
  return null;
}

/**
 * A Confirm of the invoice page: at most one PaymentIntent, in at most three D1 round trips (the
 * token check, when this isolate has not seen the token yet; the attempt; its outcome).
 */
export const charges = new Hono<ClaimEnv>().post('/charges', validate('json', chargeRequest), async (c) => {
  const { attemptId, invoice, amountMinor } = c.req.valid('json');
  const { db, claim } = c.var;
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  const refused = refusal(invoice, amountMinor);
  if (refused) {
    // Who asks comes first: a browser signed out hears that, not what was wrong with the amount.
    await checkToken(c);
    throw refused;
  }

  const { now, accountId } = claim;
  const invoiceId = invoiceIdOf(accountId, invoice.number);
  const idempotencyKey = `qtsb-charge-${attemptId}`;
  const paymentId = randomSecret('pay_', 12);

  // One round trip: the token's verdict, and D1 opening the attempt only if the token is live, the
  // account charges in the invoice's currency, no other charge of the invoice is in flight and the
  // amount fits what is left of the total; the reads after it explain a refusal.
  const [tokenRows, accountRows, , , inserted, , [mine], paymentRows, [customer], payLinks, authLinks] =
    await openAttempt(db, {
      paymentId,
      accountId,
      tokenHash: claim.tokenHash,
      invoiceId,
      invoice,
      amountMinor,
      idempotencyKey,
      now,
    });
  const { account, tokenId } = admitRows(claim, tokenRows, accountRows);
  if (invoice.currency !== account.defaultCurrency) {
    throw new AppError(
      400,
      'validation_failed',
      `Your Stripe account charges in ${account.defaultCurrency.toUpperCase()}; this invoice is in ${invoice.currency.toUpperCase()}.`,
    );
  }
  const scope: ChargeScope = { db, env: c.env, accountId, tokenId };
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
});
