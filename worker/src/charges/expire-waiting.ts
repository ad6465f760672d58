import type Stripe from 'stripe';
import { audit } from '../db/queries/audit';
import { applyOutcome } from '../db/queries/payments';
import type { Db } from '../env';
import { outcomeOfIntent, type ChargeOutcome } from '../stripe/create-charge';
import { isStripeUnavailable } from '../stripe/errors';

const ABANDONED_MESSAGE = 'The customer did not confirm this payment in time, so it was canceled. Nothing was charged.';

/**
 * A charge whose customer never authenticated keeps the invoice from being charged again. Once its
 * authentication link has expired it is canceled at Stripe (or found paid after all, then recorded).
 */
export async function expireWaitingCharge(
  db: Db,
  stripe: Stripe,
  charge: { id: string; accountId: string; paymentIntentId: string | null },
  now: number,
): Promise<void> {
  if (!charge.paymentIntentId) return;
  const opts = { stripeAccount: charge.accountId };
  let outcome: ChargeOutcome;
  try {
    const intent = await stripe.paymentIntents.retrieve(charge.paymentIntentId, {}, opts);
    const cancelable =
      intent.status === 'requires_action' ||
      intent.status === 'requires_payment_method' ||
      intent.status === 'requires_confirmation';
    outcome = cancelable
      ? {
          ...outcomeOfIntent(await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' }, opts)),
          failureCode: 'abandoned',
          failureMessage: ABANDONED_MESSAGE,
        }
      : outcomeOfIntent(intent);
  } catch (error) {
    if (isStripeUnavailable(error)) return; // the next run asks again
    throw error;
  }
  await db.batch([
    applyOutcome(db, charge.accountId, charge.id, { ...outcome, updatedAt: now }),
    audit(
      db,
      {
        accountId: charge.accountId,
        action: `charge.${outcome.status}`,
        subject: charge.id,
        detail: { via: 'schedule', reason: 'authentication expired' },
      },
      now,
    ),
  ]);
}
