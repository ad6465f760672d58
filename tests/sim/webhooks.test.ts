import { describe, expect, it } from 'vitest';
import { customerWithCard, harness, type Harness } from './harness.ts';

const CONNECT_SECRET = 'whsec_sandbox_connect';
const PLATFORM_SECRET = 'whsec_sandbox_platform';

interface Received {
  url: string;
  body: string;
  signature: string;
}

/** A harness whose webhooks land in `received`; `status` decides each answer. */
async function listening(
  status: (delivery: Received) => number = () => 200,
): Promise<Harness & { received: Received[] }> {
  const received: Received[] = [];
  const h = await harness({
    deliver: async (url, init) => {
      const delivery = { url, body: init.body, signature: init.headers['stripe-signature'] ?? '' };
      received.push(delivery);
      return { status: status(delivery) };
    },
  });
  await h.control('/_sim/webhook_endpoints', {
    url: 'http://127.0.0.1:8787/webhooks/stripe',
    connect: true,
    secret: CONNECT_SECRET,
  });
  await h.control('/_sim/webhook_endpoints', {
    url: 'http://127.0.0.1:9000/platform-hooks',
    connect: false,
    secret: PLATFORM_SECRET,
  });
  return Object.assign(h, { received });
}

function types(h: { received: Received[] }): string[] {
  return h.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
}

describe('webhooks', () => {
  it('signs every state change of a charge like Stripe and names the connected account', async () => {
    const h = await listening();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    await h.stripe.paymentIntents.create(
      {
        amount: 2000,
        currency: 'usd',
        customer: customer.id,
        payment_method: paymentMethod.id,
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
      },
      { stripeAccount: h.account },
    );
    await h.sim.deliverWebhooks();
    expect(types(h)).toEqual([
      'customer.created',
      'payment_method.attached',
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'charge.updated',
    ]);
    for (const delivery of h.received) {
      expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const event = await h.stripe.webhooks.constructEventAsync(delivery.body, delivery.signature, CONNECT_SECRET);
      expect(event.account).toBe(h.account);
      expect(delivery.url).toBe('http://127.0.0.1:8787/webhooks/stripe');
    }
  });

  it('fails verification with the wrong secret', async () => {
    const h = await listening();
    await h.stripe.customers.create({}, { stripeAccount: h.account });
    await h.sim.deliverWebhooks();
    const [delivery] = h.received;
    if (!delivery) throw new Error('nothing delivered');
    await expect(
      h.stripe.webhooks.constructEventAsync(delivery.body, delivery.signature, 'whsec_other'),
    ).rejects.toThrow(/signature/i);
  });

  it('sends platform events only to plain endpoints', async () => {
    const h = await listening();
    await h.stripe.customers.create({ email: 'platform@example.com' });
    await h.sim.deliverWebhooks();
    expect(h.received.map((r) => r.url)).toEqual(['http://127.0.0.1:9000/platform-hooks']);
    const event = await h.stripe.webhooks.constructEventAsync(
      h.received[0]?.body ?? '',
      h.received[0]?.signature ?? '',
      PLATFORM_SECRET,
    );
    expect(event.account).toBeUndefined();
  });

  it('retries a failed delivery with back-off on the simulator clock, then gives up', async () => {
    const h = await listening(() => 500);
    await h.stripe.customers.create({}, { stripeAccount: h.account });
    expect(await h.sim.deliverWebhooks()).toBe(1);
    expect(await h.sim.deliverWebhooks()).toBe(0);
    await h.sim.clock.advance(59);
    expect(await h.sim.deliverWebhooks()).toBe(0);
    await h.sim.clock.advance(1);
    expect(await h.sim.deliverWebhooks()).toBe(1);
    await h.sim.clock.advance(600);
    expect(await h.sim.deliverWebhooks()).toBe(1);
    await h.sim.clock.advance(3600);
    expect(await h.sim.deliverWebhooks()).toBe(1);
    await h.sim.clock.advance(24 * 3600);
    expect(await h.sim.deliverWebhooks()).toBe(0);
    const log = (await (await h.request('/_sim/deliveries')).json()) as {
      deliveries: { state: string; attempts: unknown[] }[];
    };
    expect(log.deliveries.map((d) => [d.state, d.attempts.length])).toEqual([['failed', 4]]);
  });

  it('delivers on the next attempt once the endpoint recovers', async () => {
    let failing = true;
    const h = await listening(() => (failing ? 503 : 200));
    await h.stripe.customers.create({}, { stripeAccount: h.account });
    await h.sim.deliverWebhooks();
    failing = false;
    await h.sim.clock.advance(60);
    expect(await h.sim.deliverWebhooks()).toBe(1);
    const log = (await (await h.request('/_sim/deliveries')).json()) as { deliveries: { state: string }[] };
    expect(log.deliveries.map((d) => d.state)).toEqual(['delivered']);
  });

  it('holds, duplicates and reorders deliveries on request', async () => {
    const h = await listening();
    await h.control('/_sim/webhooks/hold');
    await h.stripe.customers.create({ name: 'first' }, { stripeAccount: h.account });
    await h.control('/_sim/webhooks/duplicate', { count: 1 });
    await h.stripe.customers.create({ name: 'second' }, { stripeAccount: h.account });
    expect(await h.sim.deliverWebhooks()).toBe(0);
    await h.control('/_sim/webhooks/reorder');
    await h.control('/_sim/webhooks/release');
    expect(await h.sim.deliverWebhooks()).toBe(3);
    const names = h.received.map(
      (r) => (JSON.parse(r.body) as { data: { object: { name: string } } }).data.object.name,
    );
    expect(names).toEqual(['second', 'second', 'first']);
    const ids = h.received.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(ids[0]).toBe(ids[1]);
  });

  it('creates endpoints through the API with a whsec_ secret shown once', async () => {
    const h = await harness();
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: 'https://example.com/hook',
      enabled_events: ['payment_intent.succeeded'],
      connect: true,
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await h.stripe.webhookEndpoints.list();
    expect(listed.data.map((e) => [e.id, e.secret])).toEqual([[endpoint.id, undefined]]);
    const deleted = await h.stripe.webhookEndpoints.del(endpoint.id);
    expect(deleted.deleted).toBe(true);
  });

  it('delivers only the enabled event types', async () => {
    const received: string[] = [];
    const h = await harness({
      deliver: async (_url, init) => (received.push((JSON.parse(init.body) as { type: string }).type), { status: 200 }),
    });
    await h.stripe.webhookEndpoints.create({
      url: 'https://example.com/hook',
      enabled_events: ['payment_intent.succeeded'],
      connect: true,
    });
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    await h.stripe.paymentIntents.create(
      {
        amount: 2000,
        currency: 'usd',
        customer: customer.id,
        payment_method: paymentMethod.id,
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
      },
      { stripeAccount: h.account },
    );
    await h.sim.deliverWebhooks();
    expect(received).toEqual(['payment_intent.succeeded']);
  });

  it('lists and retrieves an account’s events through the Events API', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const events = await h.stripe.events.list({ type: 'customer.created' }, { stripeAccount: h.account });
    const [first] = events.data;
    expect((first?.data.object as { id: string } | undefined)?.id).toBe(customer.id);
    const same = await h.stripe.events.retrieve(first?.id ?? '', {}, { stripeAccount: h.account });
    expect(same.id).toBe(first?.id);
    expect((await h.stripe.events.list()).data).toEqual([]);
  });
});
