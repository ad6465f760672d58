import { and, eq, isNull } from 'drizzle-orm';
import type { AccountSummary } from '../../../../shared/api';
import type { Db } from '../../env';
import { accounts, consultantTokens } from '../schema';

export type AccountRow = typeof accounts.$inferSelect;

export function toSummary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    businessName: row.businessName,
    livemode: row.livemode,
    currency: row.defaultCurrency,
    status: row.status,
    stripeIsDefaultGateway: row.stripeIsDefaultGateway,
  };
}

/** Connecting again (after a disconnect, or from a second browser) revives the same row. */
export function upsertConnected(
  db: Db,
  a: { id: string; businessName: string | null; livemode: boolean; currency: string },
  now: number,
) {
  return db
    .insert(accounts)
    .values({
      id: a.id,
      businessName: a.businessName,
      livemode: a.livemode,
      defaultCurrency: a.currency,
      status: 'connected',
      connectedAt: now,
    })
    .onConflictDoUpdate({
      target: accounts.id,
      set: {
        businessName: a.businessName,
        livemode: a.livemode,
        defaultCurrency: a.currency,
        status: 'connected',
        connectedAt: now,
        disconnectedAt: null,
      },
    });
}

/** Disconnect = the account is marked so and every token it issued stops working, atomically. */
export function disconnectStatements(db: Db, accountId: string, now: number) {
  return [
    db.update(accounts).set({ status: 'disconnected', disconnectedAt: now }).where(eq(accounts.id, accountId)),
    db
      .update(consultantTokens)
      .set({ revokedAt: now })
      .where(and(eq(consultantTokens.accountId, accountId), isNull(consultantTokens.revokedAt))),
  ] as const;
}

export function selectAccount(db: Db, accountId: string) {
  return db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
}

export function setDefaultGateway(db: Db, accountId: string, stripeIsDefaultGateway: boolean) {
  return db.update(accounts).set({ stripeIsDefaultGateway }).where(eq(accounts.id, accountId)).returning();
}
