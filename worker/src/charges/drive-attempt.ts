import type Stripe from 'stripe';
import type { PaymentSummary } from '../../../shared/api';
import { formatMinor } from '../../../shared/money';
import { disconnectStatements } from '../db/queries/accounts';
import { audit } from '../db/queries/audit';
import { clearLinkIntent, newLink } from '../db/queries/links';
import { applyOutcome, insertLinkPayment, toPaymentSummary, type PaymentRow } from '../db/queries/payments';
import type { Db, Env } from '../env';
import { loadStripe } from '../stripe/client';
import { createCharge, type ChargeOutcome } from '../stripe/create-charge';
import { DISCONNECTED_SENTENCE } from '../stripe/errors';
import { closePayLinks, type LinkGate, type PayLinkIntent } from './close-pay-links';
import { KEY_LIFETIME_MS, lookupCharge } from './lookup-charge';

/** Who acts on which account: a consultant's request, or the scheduled settlement (no token). */
export interface ChargeScope {
  db: Db;
  env: Env;
  accountId: string;
  tokenId: string | null;
}

export interface Driven {
  outcome: ChargeOutcome;
  summary: PaymentSummary;
}

/** The charge was never sent, because a payment link took the balance or could not be checked. */
function stoppedByLink(gate: Exclude<LinkGate, { kind: 'clear' }>, payment: PaymentRow): ChargeOutcome {
  if (gate.kind === 'paid') {
    const paid = formatMinor(gate.intent.amount, gate.intent.currency);
    return {
      status: 'canceled',
      failureCode: 'paid_by_link',
      failureMessage: `The customer already paid ${paid} through this invoice's payment link. Nothing was charged to the card.`,
    };
  }
  if (gate.revoked) return { status: 'failed', failureCode: 'not_connected', failureMessage: DISCONNECTED_SENTENCE };
  const amount = formatMinor(payment.amountMinor, payment.currency);
  return {
    status: 'failed',
    failureCode: 'pay_link_unchecked',
    failureMessage: `Stripe could not confirm that the customer is not paying through the payment link, so the ${amount} was not charged. Try again in a minute.`,
  };
}

/**
 * What became of one attempt at Stripe. A fresh attempt first closes the invoice's payment links,
 * then sends its PaymentIntent create with its own key and stored parameters. An attempt whose
 * first request died or went unanswered is asked again with the same key while Stripe still knows
 * it, and looked up (never created again) after that.
 */
async function outcomeAtStripe(
  stripe: Stripe,
  scope: ChargeScope,
  payment: PaymentRow,
  payLinks: PayLinkIntent[],
  now: number,
) {
  const params = payment.requestParams;
  if (!params) return { outcome: { status: payment.status } as ChargeOutcome, gate: null };
  if (now - payment.createdAt >= KEY_LIFETIME_MS)
    return { outcome: await lookupCharge(stripe, scope.accountId, payment), gate: null };
  // Only an attempt that may never have reached Stripe closes links; an unknown one is already out there.
  const gate = payment.status === 'pending' ? await closePayLinks(stripe, scope.accountId, payLinks) : null;
  if (gate && gate.kind !== 'clear') {
    // An attempt opened by this very request never reached Stripe; an older pending one may have,
    // so it is looked up rather than declared unsent.
    const sentBefore = payment.createdAt < now;
    return {
      outcome: sentBefore ? await lookupCharge(stripe, scope.accountId, payment) : stoppedByLink(gate, payment),
      gate,
    };
  }
  const outcome = await createCharge(stripe, {
    ...params,
    stripeAccount: scope.accountId,
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    paymentId: payment.id,
  });
  return { outcome, gate };
}

/**
 * Drives one attempt at Stripe, then writes the result in one round trip: the attempt, its audit
 * line, the customer's authentication link when the bank asks for one, the links it closed (or the
 * link payment it found), and a disconnect when Stripe revoked access.
 */
export async function driveAttempt(
  scope: ChargeScope,
  payment: PaymentRow,
  invoiceNumber: string,
  payLinks: PayLinkIntent[] = [],
  now = Date.now(),
): Promise<Driven> {
  const { db, accountId, tokenId } = scope;
  const { outcome, gate } = await outcomeAtStripe(await loadStripe(scope.env), scope, payment, payLinks, now);
  if (!payment.requestParams) return { outcome, summary: toPaymentSummary(payment, invoiceNumber, null) };
  const done = Date.now();
  const auth =
    outcome.status === 'requires_action'
      ? await newLink(
          db,
          scope.env.PUBLIC_URL,
          {
            purpose: 'authenticate',
            accountId,
            invoiceId: payment.invoiceId,
            customerId: payment.customerId,
            paymentId: payment.id,
            stripeObjectId: outcome.paymentIntentId ?? null,
          },
          done,
        )
      : null;
  const closed = gate && gate.kind !== 'unchecked' ? gate.closed : [];
  await db.batch([
    applyOutcome(db, accountId, payment.id, { ...outcome, updatedAt: done }),
    audit(
      db,
      {
        accountId,
        tokenId,
        action: `charge.${outcome.status}`,
        subject: payment.id,
        detail: {
          invoice: invoiceNumber,
          amountMinor: payment.amountMinor,
          paymentIntent: outcome.paymentIntentId ?? null,
          failureCode: outcome.failureCode ?? null,
        },
      },
      done,
    ),
    ...(auth ? [auth.insert] : []),
    ...closed.map((link) => clearLinkIntent(db, accountId, link.tokenHash)),
    ...(gate?.kind === 'paid'
      ? [
          insertLinkPayment(db, accountId, payment.invoiceId, gate.intent, done),
          clearLinkIntent(db, accountId, gate.link.tokenHash),
        ]
      : []),
    // Stripe says access is gone: the account is disconnected now, not when the webhook arrives.
    ...(outcome.failureCode === 'not_connected' ? disconnectStatements(db, accountId, done) : []),
  ]);
  return {
    outcome,
    summary: toPaymentSummary({ ...payment, ...outcome, updatedAt: done }, invoiceNumber, auth?.url ?? null),
  };
}
