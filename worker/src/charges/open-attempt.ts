import { auditChargeAttempt, insertChargeAttempt, type AttemptRequest } from '../db/queries/charge-attempts';
import { selectCustomer } from '../db/queries/customers';
import { upsertInvoice } from '../db/queries/invoices';
import { selectAuthLinks, selectPayLinkIntents } from '../db/queries/links';
import { selectInvoicePayments, selectPaymentByKey } from '../db/queries/payments';
import type { Db } from '../env';

/**
 * The charge's first round trip: the invoice as shown, the attempt if D1 allows it, its audit line,
 * then what the invoice holds now (read after the insert, in the same transaction) to explain a refusal.
 */
export function openAttempt(db: Db, r: AttemptRequest) {
  return db.batch([
    upsertInvoice(db, r.accountId, r.invoice, r.now),
    insertChargeAttempt(db, r),
    auditChargeAttempt(db, r),
    selectPaymentByKey(db, r.accountId, r.idempotencyKey),
    selectInvoicePayments(db, r.accountId, r.invoiceId),
    selectCustomer(db, r.accountId, r.invoice.customer.id),
    selectPayLinkIntents(db, r.accountId, r.invoiceId),
    selectAuthLinks(db, r.accountId, r.invoiceId),
  ]);
}
