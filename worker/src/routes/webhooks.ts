import { Hono } from '../hono';
import type Stripe from 'stripe';
import { recordEvent, selectSeenEvent } from '../db/queries/webhook-events';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { isLiveKey, stripeSdk } from '../stripe/client';
import { loadFor, webhookHandlers } from '../stripe/webhook-handlers';

/** Stripe's default tolerance; the SDK applies it to old timestamps only, we to both sides. */
const TOLERANCE_SECONDS = 300;

function signedAt(signature: string): number | null {
  const t = /(?:^|,)t=(\d{1,12})(?:,|$)/.exec(signature)?.[1];
  return t ? Number(t) : null;
}

/**
 * One Connect endpoint. Raw body → signature → dedupe on event.id → handler by type → 2xx.
 * At most two D1 round trips: the dedupe read, then the handler's statements batched with the
 * dedupe record so an event is never marked handled without its effects.
 */
export const webhooks = new Hono<AppEnv>().post('/webhooks/stripe', async (c) => {
  const signature = c.req.header('stripe-signature');
  if (!signature) throw new AppError(400, 'bad_request', 'Missing Stripe-Signature header.');
  const payload = await c.req.text();
  const stripe = await c.var.stripe();
  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(
      payload,
      signature,
      c.env.STRIPE_WEBHOOK_SECRET,
      undefined,
      (await stripeSdk()).createSubtleCryptoProvider(),
    );
  } catch {
    throw new AppError(400, 'bad_request', 'Webhook signature verification failed.');
  }
  const at = signedAt(signature);
  if (at === null || at > Date.now() / 1000 + TOLERANCE_SECONDS)
    throw new AppError(400, 'bad_request', 'Webhook timestamp is outside the tolerance.');
  // A live Connect endpoint also gets its accounts' test-mode events: only this deployment's mode has effects.
  if (event.livemode !== isLiveKey(c.env)) return c.json({ received: true, ignored: 'other_mode' });
  const db = c.var.db;
  const seenQuery = selectSeenEvent(db, event.id);
  const load = loadFor(event, db);
  const [seen, loaded] = load ? await db.batch([seenQuery, load]) : [await seenQuery, []];
  if (seen.length > 0) return c.json({ received: true, duplicate: true });

  const now = Date.now();
  const handler = webhookHandlers[event.type];
  const statements = handler ? await handler(event, db, now, stripe, loaded) : [];
  await db.batch([recordEvent(db, event, now), ...statements]);
  return c.json({ received: true });
});
