import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../env';
import { accounts, consultantTokens } from '../schema';

export function insertToken(
  db: Db,
  id: string,
  tokenHash: string,
  accountId: string,
  now: number,
  label: string | null = null,
) {
  return db.insert(consultantTokens).values({ id, tokenHash, accountId, createdAt: now, label });
}

/** Last use is written at most this often per token, so reads stay reads. */
const LAST_USE_GRANULARITY_MS = 60 * 60_000;

/**
 * The token and its account, and the token's last use recorded (hourly, and not for an idle or
 * revoked token), in one round trip; the caller decides what revoked/idle/disconnected mean.
 * Single-table statements: inside a batch drizzle maps columns by name, so a join would mix ids.
 */
export async function findToken(db: Db, tokenHash: string, now: number) {
  const [[token], [account]] = await db.batch([
    db.select().from(consultantTokens).where(eq(consultantTokens.tokenHash, tokenHash)).limit(1),
    db
      .select()
      .from(accounts)
      .where(eq(accounts.id, sql`(SELECT account_id FROM consultant_tokens WHERE token_hash = ${tokenHash})`))
      .limit(1),
    db
      .update(consultantTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(consultantTokens.tokenHash, tokenHash),
          isNull(consultantTokens.revokedAt),
          sql`COALESCE(${consultantTokens.lastUsedAt}, 0) < ${now - LAST_USE_GRANULARITY_MS}`,
          sql`COALESCE(${consultantTokens.lastUsedAt}, ${consultantTokens.createdAt}) >= ${now - TOKEN_IDLE_LIMIT_MS}`,
        ),
      ),
  ]);
  return token && account ? { token, account } : null;
}

export function isIdle(token: { lastUsedAt: number | null; createdAt: number }, now: number): boolean {
  return (token.lastUsedAt ?? token.createdAt) < now - TOKEN_IDLE_LIMIT_MS;
}

/** The account's browsers that are signed in (tokens not revoked), newest use first. */
export function selectSessions(db: Db, accountId: string) {
  return db
    .select({
      id: consultantTokens.id,
      label: consultantTokens.label,
      createdAt: consultantTokens.createdAt,
      lastUsedAt: consultantTokens.lastUsedAt,
    })
    .from(consultantTokens)
    .where(and(eq(consultantTokens.accountId, accountId), isNull(consultantTokens.revokedAt)))
    .orderBy(sql`COALESCE(${consultantTokens.lastUsedAt}, ${consultantTokens.createdAt}) DESC`);
}

export function revokeSession(db: Db, accountId: string, tokenId: string, now: number) {
  return db
    .update(consultantTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(consultantTokens.id, tokenId),
        eq(consultantTokens.accountId, accountId),
        isNull(consultantTokens.revokedAt),
      ),
    )
    .returning({ id: consultantTokens.id });
}

/** A token unused this long stops working: a lost laptop does not stay signed in for ever. */
const TOKEN_IDLE_LIMIT_MS = 180 * 24 * 60 * 60_000;

export function revokeIdleTokens(db: Db, now: number) {
  return db
    .update(consultantTokens)
    .set({ revokedAt: now })
    .where(
      and(
        isNull(consultantTokens.revokedAt),
        sql`COALESCE(${consultantTokens.lastUsedAt}, ${consultantTokens.createdAt}) < ${now - TOKEN_IDLE_LIMIT_MS}`,
      ),
    );
}
