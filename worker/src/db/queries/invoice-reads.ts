import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../env';
import { invoices, payments } from '../schema';

/**
 * One invoice's payments, newest first, for its history view. Found through the account's invoice
 * (the (account_id, number) index) and the payments' invoice id, so the account's other payments
 * are never walked.
 */
export function selectInvoiceHistory(db: Db, accountId: string, number: string) {
  return db
    .select({ payment: payments, number: invoices.number })
    .from(invoices)
    .innerJoin(payments, eq(payments.invoiceId, invoices.id))
    .where(and(eq(invoices.accountId, accountId), eq(invoices.number, number)))
    .orderBy(desc(payments.createdAt));
}
