import { and, eq } from 'drizzle-orm';
import type { CardSummary } from '../../../../shared/api';
import type { Db } from '../../env';
import { customers } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;

export function selectCustomer(db: Db, accountId: string, siteCustomerId: string) {
  return db
    .select()
    .from(customers)
    .where(and(eq(customers.accountId, accountId), eq(customers.siteCustomerId, siteCustomerId)))
    .limit(1);
}

/** A customer by our id, on the account that owns it (a card link names both). */
export function selectCustomerById(db: Db, accountId: string, id: string) {
  return db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.accountId, accountId)))
    .limit(1);
}

export function insertCustomer(db: Db, row: typeof customers.$inferInsert) {
  return db.insert(customers).values(row).onConflictDoNothing().returning();
}

export interface CardOnFile {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export function setCard(db: Db, customerId: string, card: CardOnFile, now: number) {
  return db
    .update(customers)
    .set({
      paymentMethodId: card.paymentMethodId,
      cardBrand: card.brand,
      cardLast4: card.last4,
      cardExpMonth: card.expMonth,
      cardExpYear: card.expYear,
      updatedAt: now,
    })
    .where(eq(customers.id, customerId));
}

export function cardOf(row: CustomerRow | undefined): CardSummary | null {
  if (
    !row?.paymentMethodId ||
    !row.cardBrand ||
    !row.cardLast4 ||
    row.cardExpMonth === null ||
    row.cardExpYear === null
  )
    return null;
  return { brand: row.cardBrand, last4: row.cardLast4, expMonth: row.cardExpMonth, expYear: row.cardExpYear };
}
