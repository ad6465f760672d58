import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { PaymentSummary } from '../../../../shared/api';
import type { Db } from '../../env';
import { payments } from '../schema';

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentUpdate = Partial<
  Omit<PaymentRow, 'id' | 'accountId' | 'invoiceId' | 'idempotencyKey' | 'createdAt'>
>;

export function selectInvoicePayments(db: Db, accountId: string, invoiceId: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.invoiceId, invoiceId)))
    .orderBy(desc(payments.createdAt));
}

/** The attempt of one Confirm, whichever invoice it was made for. */
export function selectPaymentByKey(db: Db, accountId: string, idempotencyKey: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.idempotencyKey, idempotencyKey)))
    .limit(1);
}

export function selectPaymentById(db: Db, accountId: string, id: string) {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), eq(payments.accountId, accountId)))
    .limit(1);
}

/**
 * The result of a Stripe call for an attempt. An unknown outcome (a retry racing the first
 * request) may only touch an unsettled attempt; nothing may move a succeeded one.
 */
export function applyOutcome(
  db: Db,
  accountId: string,
  id: string,
  update: PaymentUpdate & { status: PaymentRow['status'] },
) {
  const guard =
    update.status === 'unknown' ? inArray(payments.status, ['pending', 'unknown']) : ne(payments.status, 'succeeded');
  return db
    .update(payments)
    .set(update)
    .where(and(eq(payments.id, id), eq(payments.accountId, accountId), guard));
}

export interface LinkPaymentFacts {
  feeMinor?: number | null;
  netMinor?: number | null;
  cardBrand?: string | null;
  cardLast4?: string | null;
}

/**
 * A customer paid through the invoice's payment link: recorded once per PaymentIntent (its key is
 * unique per account), whether the webhook or a card charge that found the link paid saw it first.
 */
export function insertLinkPayment(
  db: Db,
  accountId: string,
  invoiceId: string,
  intent: Stripe.PaymentIntent,
  now: number,
  facts: LinkPaymentFacts = {},
) {
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  const known = Object.fromEntries(
    Object.entries(facts).filter(([, v]) => v !== null && v !== undefined),
  ) as LinkPaymentFacts;
  return db
    .insert(payments)
    .values({
      id: `pay_link_${intent.id.slice(3, 27)}`,
      accountId,
      invoiceId,
      customerId: null,
      source: 'payment_link',
      amountMinor: intent.amount_received || intent.amount,
      currency: intent.currency,
      idempotencyKey: `qtsb-paylink-pi-${intent.id}`,
      paymentIntentId: intent.id,
      chargeId,
      status: 'succeeded',
      ...known,
      tokenId: null,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [payments.accountId, payments.idempotencyKey],
      set: { ...known, chargeId: sql`COALESCE(${payments.chargeId}, ${chargeId})`, updatedAt: now },
    });
}

/** The extension wrote this payment into the site's own form; scoped to the caller's account. */
export function markRecorded(db: Db, accountId: string, id: string, now: number) {
  return db
    .update(payments)
    .set({ recordedOnSiteAt: now })
    .where(and(eq(payments.id, id), eq(payments.accountId, accountId), eq(payments.status, 'succeeded')))
    .returning({ id: payments.id });
}

export function toPaymentSummary(
  row: PaymentRow,
  invoiceNumber: string,
  authenticationUrl: string | null,
): PaymentSummary {
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

/** What Stripe has taken or may still take for an invoice: succeeded less refunded, and attempts in flight. */
export function committedMinor(rows: PaymentRow[]): number {
  return rows.reduce(
    (sum, p) =>
      sum + (p.status === 'succeeded' ? p.amountMinor - p.refundedMinor : IN_FLIGHT.has(p.status) ? p.amountMinor : 0),
    0,
  );
}

export const IN_FLIGHT = new Set<PaymentRow['status']>(['pending', 'unknown', 'requires_action']);
