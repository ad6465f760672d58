import type { BatchItem } from 'drizzle-orm/batch';
import type Stripe from 'stripe';
import { disconnectStatements } from '../db/queries/accounts';
import { audit } from '../db/queries/audit';
import type { Db } from '../env';
import { paymentFailed, paymentSucceeded } from './payment-webhooks';

export type Statements = BatchItem<'sqlite'>[];

/**
 * Each handler turns an event into statements that only move state forward, so applying one twice
 * (a redelivery racing the first) changes nothing more.
 */
type Handler = (event: Stripe.Event, db: Db, now: number, stripe: Stripe) => Statements | Promise<Statements>;

export const webhookHandlers: Partial<Record<Stripe.Event.Type, Handler>> = {
  'account.application.deauthorized': (event, db, now) => {
    if (!event.account) return [];
    return [...disconnectStatements(db, event.account, now), audit(db, { accountId: event.account, action: 'account.disconnected', subject: event.id, detail: { by: 'stripe' } }, now)];
  },
  'payment_intent.succeeded': paymentSucceeded,
  'payment_intent.payment_failed': paymentFailed,
};
