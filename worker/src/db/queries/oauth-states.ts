import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../env';
import { oauthStates } from '../schema';

const STATE_LIFETIME_MS = 10 * 60_000;
const REDEEM_LIFETIME_MS = 5 * 60_000;

export function insertState(db: Db, stateHash: string, challenge: string, now: number) {
  return db.insert(oauthStates).values({ stateHash, challenge, expiresAt: now + STATE_LIFETIME_MS, createdAt: now });
}

/** Marks a state used if it is live; returns null when it is unknown, expired or already used. */
export async function consumeState(db: Db, stateHash: string, now: number) {
  const [row] = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.usedAt), gt(oauthStates.expiresAt, now)))
    .returning({ stateHash: oauthStates.stateHash });
  return row ?? null;
}

export function attachRedeemCode(db: Db, stateHash: string, accountId: string, redeemCodeHash: string, now: number) {
  return db
    .update(oauthStates)
    .set({ accountId, redeemCodeHash, redeemExpiresAt: now + REDEEM_LIFETIME_MS })
    .where(eq(oauthStates.stateHash, stateHash));
}

export function recordFailure(db: Db, stateHash: string, failure: string) {
  return db.update(oauthStates).set({ failure }).where(eq(oauthStates.stateHash, stateHash));
}

/** Claims a redeem code once; the caller still checks the verifier against the returned challenge. */
export async function claimRedeemCode(db: Db, redeemCodeHash: string, now: number) {
  const [row] = await db
    .update(oauthStates)
    .set({ redeemedAt: now })
    .where(
      and(
        eq(oauthStates.redeemCodeHash, redeemCodeHash),
        isNull(oauthStates.redeemedAt),
        gt(oauthStates.redeemExpiresAt, now),
      ),
    )
    .returning({ challenge: oauthStates.challenge, accountId: oauthStates.accountId });
  return row ?? null;
}
