import type Stripe from 'stripe';
import { audit } from '../db/queries/audit';
import {
  applyRefundEvent,
  insertRefundFromStripe,
  recomputeRefundedByIntent,
  type StripeRefundRef,
} from '../db/queries/refunds';
import type { Statements } from '../db/run-batch';
import type { Db } from '../env';
import { outcomeOfRefund } from './create-refund';

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/**
 * What one Stripe refund changes, on the event's account only: our row moves forward (matched by
 * Stripe's id, or by ours for a row not yet matched), a refund we did not make is recorded, and
 * what was refunded on the payment is recomputed, so the order and repetition of events do not matter.
 */
function refundStatements(db: Db, accountId: string, refund: Stripe.Refund, via: string, now: number): Statements {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) return [];
  const ref: StripeRefundRef = {
    accountId,
    stripeRefundId: refund.id,
    paymentIntentId,
    ourId: refund.metadata?.refund_id ?? null,
  };
  const outcome = outcomeOfRefund(refund);
  return [
    applyRefundEvent(db, ref, { status: outcome.status, failureReason: outcome.failureReason, updatedAt: now }),
    insertRefundFromStripe(db, ref, refund.amount, outcome.status, outcome.failureReason, now),
    recomputeRefundedByIntent(db, accountId, paymentIntentId),
    audit(db, { accountId, action: `refund.${outcome.status}`, subject: refund.id, detail: { via } }, now),
  ];
}

/** `refund.created`, `refund.updated`, `refund.failed`, `charge.refund.updated`: one refund's news. */
export function refundChanged(event: Stripe.Event, db: Db, now: number): Statements {
  const refund = event.data.object as Stripe.Refund;
  if (refund.object !== 'refund' || !event.account) return [];
  return refundStatements(db, event.account, refund, `webhook ${event.type}`, now);
}

/**
 * `charge.refunded`: the charge's refunds, read from Stripe (recent API versions no longer include
 * them in the event), each applied as above.
 */
export async function chargeRefunded(event: Stripe.Event, db: Db, now: number, stripe: Stripe): Promise<Statements> {
  const charge = event.data.object as Stripe.Charge;
  if (charge.object !== 'charge' || !event.account) return [];
  const statements: Statements = [];
  for await (const refund of stripe.refunds.list({ charge: charge.id, limit: 100 }, { stripeAccount: event.account })) {
    statements.push(...refundStatements(db, event.account, refund, 'webhook charge.refunded', now));
  }
  return statements;
}
