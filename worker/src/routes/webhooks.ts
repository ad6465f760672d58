import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import Stripe from 'stripe';
import { webhookEvents } from '../db/schema';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { createStripe, isLiveKey } from '../stripe/client';
import { loadFor, webhookHandlers } from '../stripe/webhook-handlers';

const cryptoProvider = Stripe.createSubtleCryptoProvider();

/**
 * One Connect endpoint. Raw body → signature → dedupe on event.id → handler by type → 2xx.
 * At most two D1 round trips: the dedupe read, then the handler's statements batched with the
 * dedupe record so an event is never marked handled without its effects.
 */
export const webhooks = new Hono<AppEnv>().post('/webhooks/stripe', async (c) => {
  const signature = c.req.header('stripe-signature');
  if (!signature) throw new AppError(400, 'bad_request', 'Missing Stripe-Signature header.');
  const payload = await c.req.text();
  const stripe = createStripe(c.env);
  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(payload, signature, c.env.STRIPE_WEBHOOK_SECRET, undefined, cryptoProvider);
  } catch {
    throw new AppError(400, 'bad_request', 'Webhook signature verification failed.');
  }
  // A live Connect endpoint also gets its accounts' test-mode events: only this deployment's mode has effects.
  if (event.livemode !== isLiveKey(c.env)) return c.json({ received: true, ignored: 'other_mode' });
  const db = c.var.db;
  const seenQuery = db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, event.id)).limit(1);
  const load = loadFor(event, db);
  const [seen, loaded] = load ? await db.batch([seenQuery, load]) : [await seenQuery, []];
  if (seen.length > 0) return c.json({ received: true, duplicate: true });

  const now = Date.now();
  const handler = webhookHandlers[event.type];
  const statements = handler ? await handler(event, db, now, stripe, loaded) : [];
  await db.batch([db.insert(webhookEvents).values({ id: event.id, type: event.type, accountId: event.account ?? null, receivedAt: now }).onConflictDoNothing(), ...statements]);
  return c.json({ received: true });
});
