import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
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
 * The token, its account, and the token's last use recorded (hourly, and not for an idle or revoked
 * token): the statements at the head of a batch that checks the token in the same round trip as the
 * work it guards. With the account a token belongs to already known (it never changes), the account
 * is read by its id; the caller decides what revoked/idle/disconnected mean (auth.ts).
 * Single-table statements: inside a batch drizzle maps columns by name, so a join would mix ids.
 */
export function tokenStatements(db: Db, tokenHash: string, now: number, accountId?: string) {
  const ofToken = accountId ?? sql`(SELECT account_id FROM consultant_tokens WHERE token_hash = ${tokenHash})`;
  return [
    db.select().from(consultantTokens).where(eq(consultantTokens.tokenHash, tokenHash)).limit(1),
    db.select().from(accounts).where(eq(accounts.id, ofToken)).limit(1),
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
  ] as const;
}

/** The token and its account in one round trip of their own. */
export async function findToken(db: Db, tokenHash: string, now: number) {
  const [[token], [account]] = await db.batch(tokenStatements(db, tokenHash, now));
  return token && account ? { token, account } : null;
}

/**
 * True in SQL only while the token is live on this account: not revoked, not idle, the account
 * connected (and charging in `currency`, when given). Writes batched with tokenStatements carry it,
 * so a token revoked a moment ago changes nothing even though its verdict is read after the batch.
 * It must refuse exactly what auth.ts's `admit` refuses (same token, same `now`): a row written for a
 * request then answered 401 would be sent to Stripe later by the scheduled settlement.
 * tests/worker/token-in-batch.test.ts holds the two together.
 */
export function liveTokenSql(tokenHash: string, accountId: string, now: number, currency?: string): SQL {
  return sql`EXISTS (SELECT 1 FROM consultant_tokens t JOIN accounts a ON a.id = t.account_id
    WHERE t.token_hash = ${tokenHash} AND t.account_id = ${accountId} AND t.revoked_at IS NULL
      AND COALESCE(t.last_used_at, t.created_at) >= ${now - TOKEN_IDLE_LIMIT_MS}
      AND a.status = 'connected'${currency === undefined ? sql`` : sql` AND a.default_currency = ${currency}`})`;
}

/** The id of the token with this hash, inside a statement that writes it beside a row. */
export const tokenIdSql = (tokenHash: string): SQL =>
  sql`(SELECT id FROM consultant_tokens WHERE token_hash = ${tokenHash})`;

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
