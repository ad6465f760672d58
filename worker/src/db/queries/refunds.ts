import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { RefundSummary } from '../../../../shared/api';
import type { Db } from '../../env';
import { selectForInsert } from '../insert-select';
import { accounts, invoices, payments, refunds } from '../schema';

export type RefundRow = typeof refunds.$inferSelect;
export type RefundStatus = RefundRow['status'];
export type RefundReason = NonNullable<RefundRow['reason']>;
export type RefundUpdate = Partial<Pick<RefundRow, 'status' | 'stripeRefundId' | 'failureReason' | 'updatedAt'>>;

/** Refunds that hold money back from what can still be refunded: done, or maybe done. */
const HOLDING_SQL = sql.raw(`('pending', 'unknown', 'requires_action', 'succeeded')`);

export interface PlannedRefund {
  id: string;
  paymentId: string;
  amountMinor: number;
  idempotencyKey: string;
  reason: RefundReason | null;
}

/**
 * One click's refunds, inserted all together or not at all: only if every payment they draw on is
 * a succeeded charge of this account and each keeps refunds (done and in flight) within what it
 * charged. One statement, so two clicks at once can never refund the same money twice.
 */
export function insertPlannedRefunds(
  db: Db,
  accountId: string,
  attemptKey: string,
  tokenId: string,
  plan: PlannedRefund[],
  now: number,
) {
  // (VALUES …) names its columns column1…column5: id, payment_id, amount_minor, idempotency_key, reason.
  const values = () =>
    sql`(VALUES ${sql.join(
      plan.map((r) => sql`(${r.id}, ${r.paymentId}, ${r.amountMinor}, ${r.idempotencyKey}, ${r.reason})`),
      sql`, `,
    )})`;
  const select = selectForInsert(
    refunds,
    {
      id: sql`plan.column1`,
      accountId: sql`${accountId}`,
      paymentId: sql`plan.column2`,
      amountMinor: sql`plan.column3`,
      idempotencyKey: sql`plan.column4`,
      attemptKey: sql`${attemptKey}`,
      status: sql`'unknown'`,
      tokenId: sql`${tokenId}`,
      createdAt: sql`${now}`,
      reason: sql`plan.column5`,
    },
    sql`FROM ${values()} AS plan
    WHERE NOT EXISTS (
      SELECT 1 FROM ${values()} AS q
      LEFT JOIN payments p ON p.id = q.column2 AND p.account_id = ${accountId} AND p.status = 'succeeded'
      WHERE p.id IS NULL
        OR q.column3 > p.amount_minor - (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE r.payment_id = q.column2 AND r.status IN ${HOLDING_SQL})
    )`,
  );
  return db.insert(refunds).select(select).onConflictDoNothing().returning({ id: refunds.id });
}

/** The refunds one click made, on this account only. */
export function selectRefundsOfAttempt(db: Db, accountId: string, attemptKey: string) {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.accountId, accountId), eq(refunds.attemptKey, attemptKey)));
}

/**
 * The API's answer to our own create call (or a lookup). It only fills a refund still `unknown`:
 * a webhook that raced ahead (pending → succeeded) carries newer news than this response.
 */
export function applyRefundOutcome(db: Db, accountId: string, id: string, update: RefundUpdate) {
  return db
    .update(refunds)
    .set(update)
    .where(and(eq(refunds.id, id), eq(refunds.accountId, accountId), eq(refunds.status, 'unknown')));
}

/** The statuses a refund may be in for an event's status to replace it: refunds only move forward. */
function movableFrom(next: RefundStatus): RefundStatus[] {
  switch (next) {
    case 'pending':
    case 'requires_action':
      return ['unknown', 'pending', 'requires_action'];
    case 'succeeded':
      return ['unknown', 'pending', 'requires_action', 'succeeded'];
    case 'failed':
    case 'canceled':
      // A succeeded refund can still fail later (the bank returns it); failed and canceled are final.
      return ['unknown', 'pending', 'requires_action', 'succeeded'];
    default:
      return [];
  }
}

export interface StripeRefundRef {
  accountId: string;
  stripeRefundId: string;
  paymentIntentId: string;
  /** Our row id from the refund's metadata, when we made it. */
  ourId: string | null;
}

/** A payment of this account that the refund's PaymentIntent paid. */
function ownedPayment(ref: StripeRefundRef) {
  return sql`${refunds.paymentId} IN (SELECT id FROM payments WHERE account_id = ${ref.accountId} AND payment_intent_id = ${ref.paymentIntentId})`;
}

/**
 * A webhook's word on a refund: matched by Stripe's refund id first, by our id (metadata) only for
 * a row that has no Stripe id yet; always a refund of a payment the event's account owns.
 */
export function applyRefundEvent(db: Db, ref: StripeRefundRef, update: RefundUpdate & { status: RefundStatus }) {
  const byOurId = ref.ourId ? and(eq(refunds.id, ref.ourId), isNull(refunds.stripeRefundId)) : undefined;
  const match = byOurId
    ? or(eq(refunds.stripeRefundId, ref.stripeRefundId), byOurId)
    : eq(refunds.stripeRefundId, ref.stripeRefundId);
  return db
    .update(refunds)
    .set({ ...update, stripeRefundId: ref.stripeRefundId })
    .where(
      and(
        eq(refunds.accountId, ref.accountId),
        match,
        ownedPayment(ref),
        inArray(refunds.status, movableFrom(update.status)),
      ),
    );
}

/**
 * A refund we did not make (the Stripe Dashboard, or one whose row we cannot match): recorded on
 * the account's payment it refunds, so what can still be refunded stays true.
 */
export function insertRefundFromStripe(
  db: Db,
  ref: StripeRefundRef,
  amountMinor: number,
  status: RefundStatus,
  failureReason: string | null,
  now: number,
) {
  const select = selectForInsert(
    refunds,
    {
      id: sql`${`ref_stripe_${ref.stripeRefundId}`}`,
      accountId: sql`${ref.accountId}`,
      paymentId: sql`p.id`,
      amountMinor: sql`${amountMinor}`,
      idempotencyKey: sql`${`stripe-${ref.stripeRefundId}`}`,
      stripeRefundId: sql`${ref.stripeRefundId}`,
      status: sql`${status}`,
      failureReason: sql`${failureReason}`,
      createdAt: sql`${now}`,
    },
    sql`FROM payments p
    WHERE p.account_id = ${ref.accountId} AND p.payment_intent_id = ${ref.paymentIntentId}
      AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.stripe_refund_id = ${ref.stripeRefundId})`,
  );
  return db.insert(refunds).select(select).onConflictDoNothing();
}

/**
 * Recomputes what was refunded on the account's payments from their succeeded refunds: idempotent,
 * so a redelivered event or a refund that fails after succeeding (…5126) leaves the right figure.
 */
export function recomputeRefunded(db: Db, accountId: string, paymentIds: string[]) {
  return db
    .update(payments)
    .set({
      refundedMinor: sql`(SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE r.payment_id = ${payments.id} AND r.status = 'succeeded')`,
    })
    .where(and(eq(payments.accountId, accountId), inArray(payments.id, paymentIds)));
}

export function recomputeRefundedByIntent(db: Db, accountId: string, paymentIntentId: string) {
  return db
    .update(payments)
    .set({
      refundedMinor: sql`(SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE r.payment_id = ${payments.id} AND r.status = 'succeeded')`,
    })
    .where(and(eq(payments.accountId, accountId), eq(payments.paymentIntentId, paymentIntentId)));
}

/** Refunds whose create call was never answered, with what re-sending or looking them up needs. */
export function selectUnsettledRefunds(db: Db, olderThan: number, limit: number) {
  return db
    .select({
      refund: refunds,
      paymentIntentId: payments.paymentIntentId,
      invoiceNumber: invoices.number,
    })
    .from(refunds)
    .innerJoin(payments, and(eq(payments.id, refunds.paymentId), eq(payments.accountId, refunds.accountId)))
    .innerJoin(invoices, and(eq(invoices.id, payments.invoiceId), eq(invoices.accountId, payments.accountId)))
    .innerJoin(accounts, and(eq(accounts.id, refunds.accountId), eq(accounts.status, 'connected')))
    .where(and(eq(refunds.status, 'unknown'), lt(refunds.createdAt, olderThan)))
    .limit(limit);
}

export function toRefundSummary(row: RefundRow): RefundSummary {
  return {
    id: row.id,
    paymentId: row.paymentId,
    status: row.status,
    amountMinor: row.amountMinor,
    message: row.failureReason,
    createdAt: row.createdAt,
  };
}
