import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { PaymentSummary } from '../../../../shared/api';
import type { Db } from '../../env';
import { invoices, payments } from '../schema';

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentUpdate = Partial<Omit<PaymentRow, 'id' | 'accountId' | 'invoiceId' | 'idempotencyKey' | 'createdAt'>>;

export function selectInvoicePayments(db: Db, invoiceId: string) {
  return db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(desc(payments.createdAt));
}

/** Inserts the attempt unless the same idempotency key already has one (a concurrent double submit). */
export function insertPayment(db: Db, row: typeof payments.$inferInsert) {
  return db.insert(payments).values(row).onConflictDoNothing().returning({ id: payments.id });
}

export function selectPaymentByKey(db: Db, accountId: string, idempotencyKey: string) {
  return db.select().from(payments).where(and(eq(payments.accountId, accountId), eq(payments.idempotencyKey, idempotencyKey))).limit(1);
}

export function updatePayment(db: Db, id: string, update: PaymentUpdate) {
  return db.update(payments).set(update).where(eq(payments.id, id));
}

/**
 * Webhook-side update: never moves a settled attempt backwards (succeeded stays succeeded,
 * a late failure event cannot undo a payment).
 */
export function settlePayment(db: Db, id: string, update: PaymentUpdate) {
  return db.update(payments).set(update).where(and(eq(payments.id, id), ne(payments.status, 'succeeded')));
}

/**
 * The result of a Stripe call for an attempt. An unknown outcome (a retry racing the first
 * request) may only touch an unsettled attempt; nothing may move a succeeded one.
 */
export function applyOutcome(db: Db, id: string, update: PaymentUpdate & { status: PaymentRow['status'] }) {
  const guard = update.status === 'unknown' ? inArray(payments.status, ['pending', 'unknown']) : ne(payments.status, 'succeeded');
  return db.update(payments).set(update).where(and(eq(payments.id, id), guard));
}

/** The extension wrote this payment into the site's own form; scoped to the caller's account. */
export function markRecorded(db: Db, accountId: string, id: string, now: number) {
  return db
    .update(payments)
    .set({ recordedOnSiteAt: now })
    .where(and(eq(payments.id, id), eq(payments.accountId, accountId), eq(payments.status, 'succeeded')))
    .returning({ id: payments.id });
}

/** Payments with their invoice number and any live authentication link, for the history view. */
export function selectPaymentsForInvoices(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({ payment: payments, number: invoices.number })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.accountId, accountId), inArray(invoices.number, numbers)))
    .orderBy(desc(payments.createdAt));
}

export function toPaymentSummary(row: PaymentRow, invoiceNumber: string, authenticationUrl: string | null): PaymentSummary {
  return {
    id: row.id,
    invoiceNumber,
    status: row.status,
    amountMinor: row.amountMinor,
    currency: row.currency,
    card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
    feeMinor: row.feeMinor,
    netMinor: row.netMinor,
    refundedMinor: row.refundedMinor,
    paymentIntentId: row.paymentIntentId,
    chargeId: row.chargeId,
    message: row.failureMessage,
    failureCode: row.failureCode,
    authenticationUrl: row.status === 'requires_action' ? authenticationUrl : null,
    createdAt: row.createdAt,
    recordedOnSite: row.recordedOnSiteAt !== null,
  };
}

/** What Stripe has taken or may still take for an invoice: succeeded, in flight and unknown attempts. */
export function committedMinor(rows: PaymentRow[]): number {
  return rows.filter((p) => p.status === 'succeeded' || p.status === 'pending' || p.status === 'unknown' || p.status === 'requires_action').reduce((sum, p) => sum + p.amountMinor - (p.status === 'succeeded' ? p.refundedMinor : 0), 0);
}
