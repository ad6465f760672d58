import type { Context } from 'hono';
import type { PaymentSummary } from '../../../shared/api';
import { DISCONNECTED_MESSAGE, type ApiEnv } from '../auth';
import { disconnectStatements } from '../db/queries/accounts';
import { audit } from '../db/queries/audit';
import { clearLinkIntent, newLink } from '../db/queries/links';
import { applyOutcome, toPaymentSummary, type PaymentRow } from '../db/queries/payments';
import { loadStripe } from '../stripe/client';
import { createCharge, type ChargeOutcome } from '../stripe/create-charge';

export interface Driven {
  outcome: ChargeOutcome;
  summary: PaymentSummary;
}

/**
 * Sends (or re-sends) one attempt's PaymentIntent create with its own key and stored parameters,
 * then writes the result in one round trip: the attempt, its audit line, the customer's
 * authentication link when the bank asks for one, and a disconnect when Stripe revoked access.
 */
export interface OpenPayLink {
  tokenHash: string;
  paymentIntentId: string | null;
}

export async function driveAttempt(c: Context<ApiEnv>, payment: PaymentRow, invoiceNumber: string, openPayLink: OpenPayLink | null = null): Promise<Driven> {
  const { db, account, tokenId } = c.var;
  const params = payment.requestParams;
  if (!params) return { outcome: { status: payment.status }, summary: toPaymentSummary(payment, invoiceNumber, null) };
  const stripe = await loadStripe(c.env);
  const outcome = await createCharge(stripe, {
    ...params,
    stripeAccount: account.id,
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    paymentId: payment.id,
  });
  // The card paid: the PaymentIntent the invoice's payment link holds open for the customer must not
  // take the same balance again. Cancel it; the link's next opening asks for what is still due.
  const closeLink = outcome.status === 'succeeded' && openPayLink?.paymentIntentId ? openPayLink : null;
  if (closeLink?.paymentIntentId) {
    await stripe.paymentIntents.cancel(closeLink.paymentIntentId, { cancellation_reason: 'duplicate' }, { stripeAccount: account.id }).catch(() => undefined);
  }
  const now = Date.now();
  const auth =
    outcome.status === 'requires_action'
      ? await newLink(db, c.env.PUBLIC_URL, { purpose: 'authenticate', accountId: account.id, invoiceId: payment.invoiceId, customerId: payment.customerId, paymentId: payment.id, stripeObjectId: outcome.paymentIntentId ?? null }, now)
      : null;
  await db.batch([
    applyOutcome(db, payment.id, { ...outcome, updatedAt: now }),
    audit(db, { accountId: account.id, tokenId, action: `charge.${outcome.status}`, subject: payment.id, detail: { invoice: invoiceNumber, amountMinor: payment.amountMinor, paymentIntent: outcome.paymentIntentId ?? null, failureCode: outcome.failureCode ?? null } }, now),
    ...(auth ? [auth.insert] : []),
    ...(closeLink ? [clearLinkIntent(db, closeLink.tokenHash)] : []),
    // Stripe says access is gone: the account is disconnected now, not when the webhook arrives.
    ...(outcome.failureCode === 'not_connected' ? disconnectStatements(db, account.id, now) : []),
  ]);
  return { outcome, summary: toPaymentSummary({ ...payment, ...outcome, updatedAt: now }, invoiceNumber, auth?.url ?? null) };
}

/** The HTTP answer for a driven attempt: 200 paid, 202 waiting or unknown, 402 declined, 401 disconnected. */
export function chargeResponse(c: Context<ApiEnv>, { outcome, summary }: Driven) {
  if (outcome.failureCode === 'not_connected') return c.json({ error: { code: 'not_connected', message: DISCONNECTED_MESSAGE }, payment: summary }, 401);
  if (outcome.status === 'failed' || outcome.status === 'canceled') return c.json({ error: { code: 'card_declined', message: summary.message ?? 'The charge failed.' }, payment: summary }, 402);
  return c.json({ payment: summary }, outcome.status === 'succeeded' ? 200 : 202);
}
