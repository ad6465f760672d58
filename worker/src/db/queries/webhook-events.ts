import { eq } from 'drizzle-orm';
import type { Db } from '../../env';
import { webhookEvents } from '../schema';

export function selectSeenEvent(db: Db, eventId: string) {
  return db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, eventId)).limit(1);
}

/** Recorded in the same batch as the event's effects, so an event is never marked handled without them. */
export function recordEvent(db: Db, event: { id: string; type: string; account?: string | null }, now: number) {
  return db
    .insert(webhookEvents)
    .values({ id: event.id, type: event.type, accountId: event.account ?? null, receivedAt: now })
    .onConflictDoNothing();
}
