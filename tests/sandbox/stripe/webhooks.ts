import type { SimEvent } from './models.ts';
import { newId } from './ids.ts';
import { API_VERSION, type Origin, type Sim } from './sim.ts';
import { putObject, type Delivery, type RegisteredEndpoint } from './state.ts';

/** Seconds after a failed attempt before the next one (Stripe retries test-mode events a few times over hours). */
const RETRY_DELAYS = [60, 600, 3600] as const;

function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function endpointWants(registered: RegisteredEndpoint, event: SimEvent): boolean {
  if (registered.endpoint.status !== 'enabled') return false;
  // Connect endpoints hear connected accounts only; plain endpoints hear the platform only.
  if (registered.connect !== (event.account !== undefined)) return false;
  // Live events go to live endpoints only; a live Connect endpoint also gets its accounts' test events.
  if (event.livemode && !registered.livemode) return false;
  if (!event.livemode && registered.livemode && !registered.connect) return false;
  const enabled = registered.endpoint.enabled_events;
  return enabled.includes('*') || enabled.includes(event.type);
}

/** Records an event on `account` and queues a delivery to each endpoint that listens for it. */
export function emitEvent(
  sim: Sim,
  account: string,
  type: string,
  object: unknown,
  origin: Origin,
  previousAttributes?: Record<string, unknown>,
): SimEvent {
  const event: SimEvent = {
    id: newId('evt'),
    object: 'event',
    ...(account === sim.platformId ? {} : { account }),
    api_version: API_VERSION,
    created: sim.now(),
    data: {
      object: snapshot(object),
      ...(previousAttributes ? { previous_attributes: snapshot(previousAttributes) } : {}),
    },
    livemode: origin.livemode ?? false,
    pending_webhooks: 0,
    request: { id: origin.requestId, idempotency_key: origin.idempotencyKey },
    type,
  };
  putObject(sim.state, account, event);
  const { state } = sim;
  for (const registered of state.endpoints.values()) {
    if (!endpointWants(registered, event)) continue;
    const copies = state.webhooks.duplicateNext > 0 ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      state.deliveries.push({
        id: newId('whdel'),
        eventId: event.id,
        eventType: event.type,
        endpointId: registered.endpoint.id,
        url: registered.endpoint.url,
        nextAttemptAt: sim.now(),
        attempts: [],
        state: state.webhooks.held ? 'held' : 'pending',
      });
      event.pending_webhooks++;
    }
  }
  if (state.webhooks.duplicateNext > 0 && event.pending_webhooks > 0) state.webhooks.duplicateNext--;
  if (event.pending_webhooks > 0 && !state.webhooks.held) sim.onDeliveriesQueued();
  return event;
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `Stripe-Signature: t=…,v1=…` — HMAC-SHA256 keyed by the whole `whsec_` secret over `${t}.${payload}`. */
async function signatureHeader(secret: string, payload: string, timestamp: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${payload}`));
  return `t=${timestamp},v1=${hex(mac)}`;
}

async function attempt(sim: Sim, delivery: Delivery): Promise<void> {
  const stored = sim.state.objects.get(delivery.eventId);
  const registered = sim.state.endpoints.get(delivery.endpointId);
  const at = sim.now();
  if (!stored || stored.data.object !== 'event' || !registered) {
    delivery.state = 'failed';
    delivery.nextAttemptAt = null;
    return;
  }
  const event = stored.data;
  // Each endpoint gets the event rendered in its own API version (chosen when it was created).
  const payload = JSON.stringify({ ...event, api_version: registered.endpoint.api_version ?? API_VERSION }, null, 2);
  // Receivers check the signature's age against their own wall clock, so sign with real time.
  const signature = await signatureHeader(registered.secret, payload, Math.floor(Date.now() / 1000));
  let status: number | null = null;
  let error: string | undefined;
  try {
    const response = await sim.deliver(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signature,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
      body: payload,
    });
    status = response.status;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  delivery.attempts.push({ at, status, ...(error ? { error } : {}) });
  if (status !== null && status >= 200 && status < 300) {
    delivery.state = 'delivered';
    delivery.nextAttemptAt = null;
    event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    return;
  }
  const delay = RETRY_DELAYS[delivery.attempts.length - 1];
  if (delay === undefined) {
    delivery.state = 'failed';
    delivery.nextAttemptAt = null;
  } else {
    delivery.nextAttemptAt = at + delay;
  }
}

/**
 * Attempts every due delivery in queue order (including ones queued meanwhile); returns the attempt
 * count. `afterBatch` runs once the due deliveries went out (async captures complete then).
 */
export async function deliverDue(sim: Sim, afterBatch: () => void = () => {}): Promise<number> {
  let attempted = 0;
  for (;;) {
    const now = sim.now();
    let due = sim.state.deliveries.filter(
      (d) => d.state === 'pending' && d.nextAttemptAt !== null && d.nextAttemptAt <= now,
    );
    if (due.length === 0) {
      afterBatch();
      due = sim.state.deliveries.filter(
        (d) => d.state === 'pending' && d.nextAttemptAt !== null && d.nextAttemptAt <= now,
      );
    }
    if (due.length === 0) return attempted;
    // A failed attempt reschedules at least RETRY_DELAYS[0] ahead, so this loop ends.
    for (const delivery of due) {
      await attempt(sim, delivery);
      attempted++;
    }
  }
}
