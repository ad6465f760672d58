import { and, eq, notInArray, or, sql } from 'drizzle-orm';
import type { RefundSummary } from '../../../../shared/api';
import type { Db } from '../../env';
import { payments, refunds } from '../schema';

export type RefundRow = typeof refunds.$inferSelect;
export type RefundUpdate = Partial<Pick<RefundRow, 'status' | 'stripeRefundId' | 'failureReason' | 'updatedAt'>>;

export function insertRefund(db: Db, row: typeof refunds.$inferInsert) {
  return db.insert(refunds).values(row).onConflictDoNothing();
}

/** The refunds one click made (their keys share its prefix). Not LIKE: `_` is a wildcard there and D1 caps pattern length. */
export function selectRefundsOfAttempt(db: Db, attemptKeyPrefix: string) {
  return db.select().from(refunds).where(sql`substr(${refunds.idempotencyKey}, 1, ${attemptKeyPrefix.length}) = ${attemptKeyPrefix}`);
}

/**
 * The API's answer to our own create call. It only fills a refund still `unknown`: a webhook that
 * raced ahead (pending → succeeded) carries newer news than this response.
 */
export function applyRefundOutcome(db: Db, id: string, update: RefundUpdate) {
  return db.update(refunds).set(update).where(and(eq(refunds.id, id), eq(refunds.status, 'unknown')));
}

/** A webhook's word on a refund, found by Stripe's id or ours in its metadata; failed and canceled are final. */
export function applyRefundEvent(db: Db, stripeRefundId: string, ourId: string | null, update: RefundUpdate) {
  const match = ourId ? or(eq(refunds.stripeRefundId, stripeRefundId), eq(refunds.id, ourId)) : eq(refunds.stripeRefundId, stripeRefundId);
  return db.update(refunds).set({ ...update, stripeRefundId }).where(and(match, notInArray(refunds.status, ['failed', 'canceled'])));
}

/**
 * Recomputes what was refunded on a payment from its succeeded refunds: idempotent, so a redelivered
 * event or a refund that fails after succeeding (…5126) leaves the right figure.
 */
export function recomputeRefunded(db: Db, paymentId: string) {
  return db
    .update(payments)
    .set({ refundedMinor: sql`(SELECT COALESCE(SUM(${refunds.amountMinor}), 0) FROM ${refunds} WHERE ${refunds.paymentId} = ${paymentId} AND ${refunds.status} = 'succeeded')` })
    .where(eq(payments.id, paymentId));
}

export function recomputeRefundedByStripeRefund(db: Db, stripeRefundId: string) {
  return db
    .update(payments)
    .set({ refundedMinor: sql`(SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE r.payment_id = ${payments.id} AND r.status = 'succeeded')` })
    .where(sql`${payments.id} = (SELECT payment_id FROM refunds WHERE stripe_refund_id = ${stripeRefundId})`);
}

export function toRefundSummary(row: RefundRow): RefundSummary {
  return { id: row.id, paymentId: row.paymentId, status: row.status, amountMinor: row.amountMinor, message: row.failureReason, createdAt: row.createdAt };
}
