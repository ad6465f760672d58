import type Stripe from 'stripe';
import { audit } from '../db/queries/audit';
import { applyRefundEvent, recomputeRefundedByStripeRefund } from '../db/queries/refunds';
import type { Db } from '../env';
import { outcomeOfRefund } from './create-refund';
import type { Statements } from './webhook-handlers';

/**
 * `refund.*` and `charge.refund.updated`: Stripe's status of a refund we made (a pending refund
 * completing when funds arrive, or a refund failing after it succeeded). What was refunded on the
 * payment is recomputed from its refunds, so the order and repetition of events do not matter.
 */
export function refundChanged(event: Stripe.Event, db: Db, now: number): Statements {
  const refund = event.data.object as Stripe.Refund;
  if (refund.object !== 'refund' || !event.account) return [];
  const outcome = outcomeOfRefund(refund);
  return [
    applyRefundEvent(db, refund.id, refund.metadata?.refund_id ?? null, { status: outcome.status, failureReason: outcome.failureReason, updatedAt: now }),
    recomputeRefundedByStripeRefund(db, refund.id),
    audit(db, { accountId: event.account, action: `refund.${outcome.status}`, subject: refund.id, detail: { via: 'webhook', event: event.type } }, now),
  ];
}
