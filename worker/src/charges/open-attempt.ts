import { auditChargeAttempt, insertChargeAttempt, type AttemptRequest } from '../db/queries/charge-attempts';
import { selectCustomer } from '../db/queries/customers';
import { upsertInvoice } from '../db/queries/invoices';
import { liveTokenSql, tokenStatements } from '../db/queries/tokens';
import { selectAuthLinks, selectPayLinkIntents } from '../db/queries/links';
import { selectInvoicePayments, selectPaymentByKey } from '../db/queries/payments';
import type { Db } from '../env';

/**
 * The charge's first round trip: the token and its account; the invoice as shown and the attempt if
 * D1 allows it (both only while the token is live and the account charges in the invoice's
 * currency), its audit line; then what the invoice holds now (read after the insert, in the same
 * transaction) to explain a refusal.
 */
export function openAttempt(db: Db, r: AttemptRequest) {
  const live = liveTokenSql(r.tokenHash, r.accountId, r.now, r.invoice.currency);
  return db.batch([
    ...tokenStatements(db, r.tokenHash, r.now, r.accountId),
    upsertInvoice(db, r.accountId, r.invoice, r.now, live),
    insertChargeAttempt(db, r, live),
    auditChargeAttempt(db, r),
    selectPaymentByKey(db, r.accountId, r.idempotencyKey),
    selectInvoicePayments(db, r.accountId, r.invoiceId),
    selectCustomer(db, r.accountId, r.invoice.customer.id),
    selectPayLinkIntents(db, r.accountId, r.invoiceId),
    selectAuthLinks(db, r.accountId, r.invoiceId),
  ]);
}
