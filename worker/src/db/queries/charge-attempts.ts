import { and, eq, or, lt, sql, type SQL } from 'drizzle-orm';
import type { SiteInvoice } from '../../../../shared/api';
import type { Db } from '../../env';
import { selectForInsert } from '../insert-select';
import { accounts, auditLog, invoices, payments } from '../schema';
import { tokenIdSql } from './tokens';

/** Statuses of a charge that Stripe has taken or may still take; literal, so the partial index applies. */
const IN_FLIGHT_SQL = sql.raw(`('pending', 'unknown', 'requires_action')`);

export interface AttemptRequest {
  paymentId: string;
  accountId: string;
  /** The token of the Confirm; its id is written beside the attempt. */
  tokenHash: string;
  invoiceId: string;
  invoice: SiteInvoice;
  amountMinor: number;
  idempotencyKey: string;
  now: number;
}

/**
 * The attempt, inserted only if D1 itself agrees: the customer has a card on file, no other charge
 * of this invoice is in flight (also a partial unique index), what Stripe has kept for the invoice
 * plus this amount stays within its total, and `allowed` (the token's liveness) holds. Writes one
 * row or none; never a read then a write.
 */
export function insertChargeAttempt(db: Db, r: AttemptRequest, allowed: SQL) {
  const { accountId, invoiceId, invoice } = r;
  const select = selectForInsert(
    payments,
    {
      id: sql`${r.paymentId}`,
      accountId: sql`${accountId}`,
      invoiceId: sql`${invoiceId}`,
      customerId: sql`c.id`,
      source: sql`'stored_card'`,
      amountMinor: sql`${r.amountMinor}`,
      currency: sql`${invoice.currency}`,
      idempotencyKey: sql`${r.idempotencyKey}`,
      status: sql`'pending'`,
      cardBrand: sql`c.card_brand`,
      cardLast4: sql`c.card_last4`,
      refundedMinor: sql`0`,
      tokenId: tokenIdSql(r.tokenHash),
      requestParams: sql`json_object('stripeCustomerId', c.stripe_customer_id, 'paymentMethodId', c.payment_method_id,
        'receiptEmail', COALESCE(${invoice.customer.email}, c.email), 'invoiceNumber', ${invoice.number}, 'siteCustomerId', ${invoice.customer.id})`,
      createdAt: sql`${r.now}`,
    },
    sql`FROM customers c
    WHERE ${allowed} AND c.account_id = ${accountId} AND c.site_customer_id = ${invoice.customer.id} AND c.payment_method_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.account_id = ${accountId} AND p.invoice_id = ${invoiceId} AND p.status IN ${IN_FLIGHT_SQL})
      AND ${r.amountMinor} <= (SELECT i.total_minor FROM invoices i WHERE i.id = ${invoiceId} AND i.account_id = ${accountId})
        - (SELECT COALESCE(SUM(p.amount_minor - p.refunded_minor), 0) FROM payments p
           WHERE p.account_id = ${accountId} AND p.invoice_id = ${invoiceId} AND p.status = 'succeeded')`,
  );
  return db.insert(payments).select(select).onConflictDoNothing().returning({ id: payments.id });
}

/** The audit line of the attempt, written only if the attempt was. */
export function auditChargeAttempt(db: Db, r: AttemptRequest) {
  const detail = JSON.stringify({ invoice: r.invoice.number, amountMinor: r.amountMinor });
  const select = selectForInsert(
    auditLog,
    {
      at: sql`${r.now}`,
      accountId: sql`${r.accountId}`,
      tokenId: tokenIdSql(r.tokenHash),
      action: sql`'charge.attempted'`,
      subject: sql`${r.paymentId}`,
      detail: sql`${detail}`,
    },
    sql`WHERE EXISTS (SELECT 1 FROM payments WHERE id = ${r.paymentId} AND account_id = ${r.accountId})`,
  );
  return db.insert(auditLog).select(select);
}

/**
 * Card charges whose outcome was never heard (unknown, or pending past the request that sent them),
 * on connected accounts, with their invoice number. The status terms match the partial index of
 * open attempts, so this reads only open rows however long the history.
 */
export function selectUnsettledCharges(db: Db, stalePendingBefore: number, limit: number) {
  return db
    .select({
      id: payments.id,
      accountId: payments.accountId,
      invoiceId: payments.invoiceId,
      invoiceNumber: invoices.number,
    })
    .from(payments)
    .innerJoin(invoices, and(eq(invoices.id, payments.invoiceId), eq(invoices.accountId, payments.accountId)))
    .innerJoin(accounts, and(eq(accounts.id, payments.accountId), eq(accounts.status, 'connected')))
    .where(
      and(
        sql`${payments.status} IN ${IN_FLIGHT_SQL}`,
        eq(payments.source, 'stored_card'),
        or(
          eq(payments.status, 'unknown'),
          and(eq(payments.status, 'pending'), lt(payments.createdAt, stalePendingBefore)),
        ),
      ),
    )
    .limit(limit);
}

/** Card charges still waiting for the customer to authenticate after their link expired. */
export function selectAbandonedCharges(db: Db, waitingSince: number, limit: number) {
  return db
    .select({ id: payments.id, accountId: payments.accountId, paymentIntentId: payments.paymentIntentId })
    .from(payments)
    .innerJoin(accounts, and(eq(accounts.id, payments.accountId), eq(accounts.status, 'connected')))
    .where(
      and(
        sql`${payments.status} IN ${IN_FLIGHT_SQL}`,
        eq(payments.status, 'requires_action'),
        eq(payments.source, 'stored_card'),
        lt(payments.createdAt, waitingSince),
      ),
    )
    .limit(limit);
}
