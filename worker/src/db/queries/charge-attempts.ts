import { sql } from 'drizzle-orm';
import type { SiteInvoice } from '../../../../shared/api';
import type { Db } from '../../env';

/** Statuses of a charge that Stripe has taken or may still take. */
export const IN_FLIGHT_SQL = sql.raw(`('pending', 'unknown', 'requires_action')`);

export interface AttemptRequest {
  paymentId: string;
  accountId: string;
  tokenId: string;
  invoiceId: string;
  invoice: SiteInvoice;
  amountMinor: number;
  idempotencyKey: string;
  now: number;
}

/**
 * The attempt, inserted only if D1 itself agrees: the customer has a card on file, no other charge
 * of this invoice is in flight (also a partial unique index), and what Stripe has kept for the
 * invoice plus this amount stays within its total. Writes one row or none; never a read then a write.
 */
export function insertChargeAttempt(db: Db, r: AttemptRequest) {
  const { accountId, invoiceId, invoice } = r;
  return db.all<{ id: string }>(sql`
    INSERT INTO payments (id, account_id, invoice_id, customer_id, source, amount_minor, currency, idempotency_key, status,
      card_brand, card_last4, refunded_minor, token_id, request_params, created_at)
    SELECT ${r.paymentId}, ${accountId}, ${invoiceId}, c.id, 'stored_card', ${r.amountMinor}, ${invoice.currency}, ${r.idempotencyKey}, 'pending',
      c.card_brand, c.card_last4, 0, ${r.tokenId},
      json_object('stripeCustomerId', c.stripe_customer_id, 'paymentMethodId', c.payment_method_id,
        'receiptEmail', COALESCE(${invoice.customer.email}, c.email), 'invoiceNumber', ${invoice.number}, 'siteCustomerId', ${invoice.customer.id}),
      ${r.now}
    FROM customers c
    WHERE c.account_id = ${accountId} AND c.site_customer_id = ${invoice.customer.id} AND c.payment_method_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.account_id = ${accountId} AND p.invoice_id = ${invoiceId} AND p.status IN ${IN_FLIGHT_SQL})
      AND ${r.amountMinor} <= (SELECT i.total_minor FROM invoices i WHERE i.id = ${invoiceId} AND i.account_id = ${accountId})
        - (SELECT COALESCE(SUM(p.amount_minor - p.refunded_minor), 0) FROM payments p
           WHERE p.account_id = ${accountId} AND p.invoice_id = ${invoiceId} AND p.status = 'succeeded')
    ON CONFLICT DO NOTHING
    RETURNING id`);
}

/** The audit line of the attempt, written only if the attempt was. */
export function auditChargeAttempt(db: Db, r: AttemptRequest) {
  const detail = JSON.stringify({ invoice: r.invoice.number, amountMinor: r.amountMinor });
  return db.run(sql`
    INSERT INTO audit_log (at, account_id, token_id, action, subject, detail)
    SELECT ${r.now}, ${r.accountId}, ${r.tokenId}, 'charge.attempted', ${r.paymentId}, ${detail}
    WHERE EXISTS (SELECT 1 FROM payments WHERE id = ${r.paymentId} AND account_id = ${r.accountId})`);
}

/**
 * Card charges whose outcome was never heard (unknown, or pending past the request that sent them),
 * on connected accounts, with their invoice number. The status terms match the partial index of
 * open attempts, so this reads only open rows however long the history.
 */
export function selectUnsettledCharges(db: Db, stalePendingBefore: number, limit: number) {
  return db.all<{ id: string; accountId: string; invoiceId: string; invoiceNumber: string }>(sql`
    SELECT p.id AS id, p.account_id AS accountId, p.invoice_id AS invoiceId, i.number AS invoiceNumber
    FROM payments p
    JOIN invoices i ON i.id = p.invoice_id AND i.account_id = p.account_id
    JOIN accounts a ON a.id = p.account_id AND a.status = 'connected'
    WHERE p.status IN ${IN_FLIGHT_SQL} AND p.source = 'stored_card'
      AND (p.status = 'unknown' OR (p.status = 'pending' AND p.created_at < ${stalePendingBefore}))
    LIMIT ${limit}`);
}
