import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../env';
import { rateLimits } from '../schema';

/**
 * Counts a hit in a fixed window and returns the count so far, in one round trip.
 * Windows are aligned to `windowMs`, so a key resets without a cleanup job.
 */
export async function countHit(db: Db, key: string, now: number, windowMs: number): Promise<number> {
  const windowStart = now - (now % windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 1;
}

/** Windows last ten minutes; a day later a counter (keyed by a visitor's IP address) serves nothing. */
const RATE_LIMIT_KEPT_MS = 24 * 60 * 60_000;

/** Forgets counters whose window ended long ago, so visitors' IP addresses are not kept. */
export function pruneRateLimits(db: Db, now: number) {
  return db.delete(rateLimits).where(lt(rateLimits.windowStart, now - RATE_LIMIT_KEPT_MS));
}
