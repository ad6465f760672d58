import type Stripe from 'stripe';
import { disconnectStatements } from '../db/queries/accounts';
import { audit } from '../db/queries/audit';
import type { Statements } from '../db/run-batch';
import type { Db } from '../env';
import { chargeUpdated } from './charge-webhooks';
import { paymentFailed, paymentSucceeded } from './payment-webhooks';
import { selectCardTarget } from '../db/queries/links';
import { chargeRefunded, refundChanged } from './refund-webhooks';
import { saveCardStatements } from './save-card';

/** What a handler read from D1 in the same round trip as the dedupe check (see routes/webhooks.ts). */
type Loaded = Awaited<ReturnType<typeof selectCardTarget>>;

/**
 * Each handler turns an event into statements that only move state forward, so applying one twice
 * (a redelivery racing the first) changes nothing more.
 */
type Handler = (
  event: Stripe.Event,
  db: Db,
  now: number,
  stripe: Stripe,
  loaded: Loaded,
) => Statements | Promise<Statements>;

/** Reads a handler needs, batched with the dedupe read so a webhook costs at most two round trips. */
export function loadFor(event: Stripe.Event, db: Db) {
  if (event.type === 'setup_intent.succeeded' && event.account)
    return selectCardTarget(db, event.account, event.data.object.id);
  return null;
}

export const webhookHandlers: Partial<Record<Stripe.Event.Type, Handler>> = {
  'account.application.deauthorized': (event, db, now) => {
    if (!event.account) return [];
    return [
      ...disconnectStatements(db, event.account, now),
      audit(
        db,
        { accountId: event.account, action: 'account.disconnected', subject: event.id, detail: { by: 'stripe' } },
        now,
      ),
    ];
  },
  'payment_intent.succeeded': paymentSucceeded,
  'payment_intent.payment_failed': paymentFailed,
  'refund.created': refundChanged,
  'charge.updated': chargeUpdated,
  'refund.updated': refundChanged,
  'charge.refunded': chargeRefunded,
  'refund.failed': refundChanged,
  'charge.refund.updated': refundChanged,
  'setup_intent.succeeded': async (_event, db, now, stripe, loaded) => {
    const found = loaded[0];
    if (!found) return [];
    return saveCardStatements(db, stripe, found, now);
  },
};
