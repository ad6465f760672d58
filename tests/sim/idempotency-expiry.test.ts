import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_TTL_SECONDS } from '../sandbox/stripe/api.ts';
import { customerWithCard, harness, stripeError } from './harness.ts';

describe('idempotency keys over time and failures', () => {
  it('prunes a key after 24 hours of simulator time: the same key then makes a new object', async () => {
    const h = await harness();
    const first = await h.stripe.customers.create(
      { email: 'a@example.com' },
      { stripeAccount: h.account, idempotencyKey: 'cust-a' },
    );
    await h.control('/_sim/clock/advance', { seconds: IDEMPOTENCY_KEY_TTL_SECONDS - 60 });
    const replayed = await h.stripe.customers.create(
      { email: 'a@example.com' },
      { stripeAccount: h.account, idempotencyKey: 'cust-a' },
    );
    expect(replayed.id).toBe(first.id);
    await h.control('/_sim/clock/advance', { seconds: 60 });
    const fresh = await h.stripe.customers.create(
      { email: 'a@example.com' },
      { stripeAccount: h.account, idempotencyKey: 'cust-a' },
    );
    expect(fresh.id).not.toBe(first.id);
    expect((await h.stripe.customers.list({}, { stripeAccount: h.account })).data).toHaveLength(2);
  });

  it('after 24 hours the same key with other parameters is a new request, not an idempotency_error', async () => {
    const h = await harness();
    await h.stripe.customers.create({ email: 'a@example.com' }, { stripeAccount: h.account, idempotencyKey: 'cust-b' });
    await h.control('/_sim/clock/advance', { seconds: IDEMPOTENCY_KEY_TTL_SECONDS });
    const other = await h.stripe.customers.create(
      { email: 'b@example.com' },
      { stripeAccount: h.account, idempotencyKey: 'cust-b' },
    );
    expect(other.email).toBe('b@example.com');
  });

  it('replays a 500 the endpoint failed with for the same key, and acts on nothing', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const params = {
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethod.id,
      allowed_payment_method_types: ['card'],
      confirm: true,
      off_session: true,
    };
    await h.control('/_sim/faults', { mode: 'error_500_saved', count: 1, path: '/v1/payment_intents' });
    const failed = await stripeError(
      h.stripe.paymentIntents.create(params, { stripeAccount: h.account, idempotencyKey: 'inv-25' }),
    );
    expect([failed.statusCode, failed.type]).toEqual([500, 'StripeAPIError']);
    const again = await h.request('/v1/payment_intents', {
      method: 'POST',
      body: new URLSearchParams({
        amount: '2500',
        currency: 'usd',
        customer: customer.id,
        payment_method: paymentMethod.id,
        'allowed_payment_method_types[0]': 'card',
        confirm: 'true',
        off_session: 'true',
      }).toString(),
      headers: {
        authorization: 'Bearer sk_test_x',
        'content-type': 'application/x-www-form-urlencoded',
        'stripe-account': h.account,
        'idempotency-key': 'inv-25',
      },
    });
    expect(again.status).toBe(500);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await h.stripe.paymentIntents.list({}, { stripeAccount: h.account })).data).toEqual([]);
    const otherKey = await h.stripe.paymentIntents.create(params, {
      stripeAccount: h.account,
      idempotencyKey: 'inv-25-b',
    });
    expect(otherKey.status).toBe('succeeded');
  });

  it('saves nothing for a 500 before the endpoint ran (error_500): the same key then works', async () => {
    const h = await harness();
    await h.control('/_sim/faults', { mode: 'error_500', count: 1 });
    await stripeError(h.stripe.customers.create({}, { stripeAccount: h.account, idempotencyKey: 'cust-c' }));
    const created = await h.stripe.customers.create({}, { stripeAccount: h.account, idempotencyKey: 'cust-c' });
    expect(created.id).toMatch(/^cus_/);
  });
});
