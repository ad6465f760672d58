import type Stripe from 'stripe';
import { recordFee } from '../db/queries/payment-events';
import type { Db } from '../env';
import { isAccessRevoked } from './errors';
import type { Statements } from '../db/run-batch';

/**
 * `charge.updated` carries the balance transaction once an automatic_async capture completes (the
 * default since API 2024-04-10): the confirm response and the *.succeeded events have none, so this
 * is where fee and net arrive. Scoped to the account the event came from.
 */
export async function chargeUpdated(event: Stripe.Event, db: Db, now: number, stripe: Stripe): Promise<Statements> {
  const charge = event.data.object as Stripe.Charge;
  const account = event.account;
  if (!account || !charge.balance_transaction) return [];
  let txn: Stripe.BalanceTransaction;
  if (typeof charge.balance_transaction !== 'string') txn = charge.balance_transaction;
  else {
    try {
      txn = await stripe.balanceTransactions.retrieve(charge.balance_transaction, {}, { stripeAccount: account });
    } catch (error) {
      // Disconnected since: Stripe will not tell us the fee any more, and retrying for days will not change that.
      if (isAccessRevoked(error)) return [];
      throw error;
    }
  }
  const paymentIntentId =
    typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  return [recordFee(db, account, { id: charge.id, paymentIntentId }, { feeMinor: txn.fee, netMinor: txn.net }, now)];
}
