import { and, eq } from 'drizzle-orm';
import type { SiteInvoice } from '../../../../shared/api';
import type { Db } from '../../env';
import { invoices } from '../schema';

/** Records the invoice as the page showed it; the id is stable per (account, number). */
export function upsertInvoice(db: Db, accountId: string, invoice: SiteInvoice, now: number) {
  return db
    .insert(invoices)
    .values({
      id: `inv_${accountId}_${invoice.number}`,
      accountId,
      number: invoice.number,
      kind: invoice.kind,
      siteCustomerId: invoice.customer.id,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
      createdAt: now,
    })
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
