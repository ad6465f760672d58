import { and, eq, sql } from 'drizzle-orm';
import type { SiteInvoice } from '../../../../shared/api';
import type { Db } from '../../env';
import { selectForInsert } from '../insert-select';
import { invoices } from '../schema';

/**
 * Records the invoice as the page showed it; the id is stable per (account, number). Written only
 * where `allowed` holds (a charge's token check in the same batch), else always.
 */
export function upsertInvoice(db: Db, accountId: string, invoice: SiteInvoice, now: number, allowed = sql`1`) {
  const row = selectForInsert(
    invoices,
    {
      id: sql`${invoiceIdOf(accountId, invoice.number)}`,
      accountId: sql`${accountId}`,
      number: sql`${invoice.number}`,
      kind: sql`${invoice.kind}`,
      siteCustomerId: sql`${invoice.customer.id}`,
      totalMinor: sql`${invoice.totalMinor}`,
      currency: sql`${invoice.currency}`,
      createdAt: sql`${now}`,
    },
    // The WHERE also tells SQLite that ON CONFLICT belongs to the insert, not to the SELECT.
    sql`WHERE ${allowed}`,
  );
  return db
    .insert(invoices)
    .select(row)
    .onConflictDoUpdate({
      target: [invoices.accountId, invoices.number],
      set: {
        kind: invoice.kind,
        siteCustomerId: invoice.customer.id,
        totalMinor: invoice.totalMinor,
        currency: invoice.currency,
        updatedAt: now,
      },
    })
    .returning({ id: invoices.id });
}

export const invoiceIdOf = (accountId: string, number: string) => `inv_${accountId}_${number}`;

export function selectInvoice(db: Db, accountId: string, invoiceId: string) {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.accountId, accountId)))
    .limit(1);
}
