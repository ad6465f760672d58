import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../env';
import { accounts, consultantTokens } from '../schema';

export function insertToken(db: Db, id: string, tokenHash: string, accountId: string, now: number) {
  return db.insert(consultantTokens).values({ id, tokenHash, accountId, createdAt: now });
}

/** The token and its account in one round trip; the caller decides what revoked/disconnected mean. */
export async function findToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: consultantTokens, account: accounts })
    .from(consultantTokens)
    .innerJoin(accounts, eq(accounts.id, consultantTokens.accountId))
    .where(eq(consultantTokens.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** A token unused this long stops working: a lost laptop does not stay signed in for ever. */
export const TOKEN_IDLE_LIMIT_MS = 180 * 24 * 60 * 60_000;

export function revokeIdleTokens(db: Db, now: number) {
  return db
    .update(consultantTokens)
    .set({ revokedAt: now })
    .where(and(isNull(consultantTokens.revokedAt), sql`COALESCE(${consultantTokens.lastUsedAt}, ${consultantTokens.createdAt}) < ${now - TOKEN_IDLE_LIMIT_MS}`));
}
