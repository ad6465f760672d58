import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { ASYNC_CAPTURE_SECONDS } from '../sandbox/stripe/charges.ts';
import { customerWithCard, harness, type Harness } from './harness.ts';

async function chargeVisa(h: Harness, extra: Partial<Stripe.PaymentIntentCreateParams> = {}, apiVersion?: string) {
  const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
  const stripe = apiVersion
    ? new Stripe('sk_test_sandbox', {
        apiVersion: apiVersion as Stripe.LatestApiVersion,
        httpClient: Stripe.createFetchHttpClient((input, init) => h.sim.fetch(new Request(input, init))),
        maxNetworkRetries: 0,
      })
    : h.stripe;
  return stripe.paymentIntents.create(
    {
      amount: 2000,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethod.id,
      allowed_payment_method_types: ['card'],
      off_session: true,
      confirm: true,
      expand: ['latest_charge'],
      ...extra,
    },
    { stripeAccount: h.account },
  );
}

function chargeOf(pi: Stripe.PaymentIntent): Stripe.Charge {
  if (!pi.latest_charge || typeof pi.latest_charge === 'string') throw new Error('latest_charge not expanded');
  return pi.latest_charge;
}

describe('automatic_async capture (the default since API 2024-04-10)', () => {
  it('leaves the fee out of the confirm response and the succeeded events, then sends it with charge.updated', async () => {
    const h = await harness();
    const pi = await chargeVisa(h);
    expect(pi.capture_method).toBe('automatic_async');
    expect(pi.status).toBe('succeeded');
    const charge = chargeOf(pi);
    expect(charge.balance_transaction).toBeNull();
    const events = await h.stripe.events.list({}, { stripeAccount: h.account });
    const succeeded = events.data.filter((e) => e.type === 'charge.succeeded' || e.type === 'payment_intent.succeeded');
    expect(succeeded.map((e) => e.type).sort()).toEqual(['charge.succeeded', 'payment_intent.succeeded']);
    const chargeEvent = succeeded.find((e) => e.type === 'charge.succeeded');
    expect((chargeEvent?.data.object as Stripe.Charge).balance_transaction).toBeNull();
    expect((await h.stripe.events.list({ type: 'charge.updated' }, { stripeAccount: h.account })).data).toEqual([]);

    await h.sim.clock.advance(ASYNC_CAPTURE_SECONDS);
    const updated = (await h.stripe.events.list({ type: 'charge.updated' }, { stripeAccount: h.account })).data;
    expect(updated).toHaveLength(1);
    const after = updated[0]?.data.object as Stripe.Charge;
    expect(after.id).toBe(charge.id);
    expect(updated[0]?.data.previous_attributes).toEqual({ balance_transaction: null });
    expect(typeof after.balance_transaction).toBe('string');
    const txn = await h.stripe.balanceTransactions.retrieve(
      String(after.balance_transaction),
      {},
      { stripeAccount: h.account },
    );
    expect([txn.fee, txn.net]).toEqual([88, 1912]);
  });

  it('has the fee at once with capture_method automatic, and sends no charge.updated', async () => {
    const h = await harness();
    const pi = await chargeVisa(h, { capture_method: 'automatic', expand: ['latest_charge.balance_transaction'] });
    const txn = chargeOf(pi).balance_transaction;
    expect(txn && typeof txn !== 'string' ? txn.fee : null).toBe(88);
    await h.sim.clock.advance(ASYNC_CAPTURE_SECONDS);
    expect((await h.stripe.events.list({ type: 'charge.updated' }, { stripeAccount: h.account })).data).toEqual([]);
  });

  it('defaults to automatic capture for a request on an API version before 2024-04-10', async () => {
    const h = await harness();
    const pi = await chargeVisa(h, {}, '2023-10-16');
    expect(pi.capture_method).toBe('automatic');
    expect(chargeOf(pi).balance_transaction).toEqual(expect.stringMatching(/^txn_/));
  });

  it("renders each delivered event in its endpoint's API version", async () => {
    const received: { api_version: string }[] = [];
    const h = await harness({
      deliver: async (_url, init) => (received.push(JSON.parse(init.body) as { api_version: string }), { status: 200 }),
    });
    await h.stripe.webhookEndpoints.create({
      url: 'https://worker.example/webhooks/stripe',
      connect: true,
      enabled_events: ['customer.created'],
      api_version: '2024-04-10',
    });
    await h.stripe.customers.create({}, { stripeAccount: h.account });
    await h.sim.deliverWebhooks();
    expect(received.map((e) => e.api_version)).toEqual(['2024-04-10']);
  });
});
