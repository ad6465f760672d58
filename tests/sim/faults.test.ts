import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { customerWithCard, harness, stripeError } from './harness.ts';

describe('fault injection', () => {
  it('fails the next request with a 500 and then recovers', async () => {
    const h = await harness();
    await h.control('/_sim/faults', { mode: 'error_500', count: 1 });
    const error = await stripeError(h.stripe.customers.create({}, { stripeAccount: h.account }));
    expect([error.statusCode, error.type]).toEqual([500, 'StripeAPIError']);
    expect((await h.stripe.customers.list({}, { stripeAccount: h.account })).data).toEqual([]);
  });

  it('commits and then drops the connection; a retry with the same key replays the charge', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const params = {
      amount: 3100,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethod.id,
      allowed_payment_method_types: ['card'],
      confirm: true,
      off_session: true,
    };
    await h.control('/_sim/faults', { mode: 'drop_after_commit', count: 1, path: '/v1/payment_intents' });
    const dropped = await stripeError(
      h.stripe.paymentIntents.create(params, { stripeAccount: h.account, idempotencyKey: 'inv-31' }),
    );
    expect(dropped).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    const retried = await h.stripe.paymentIntents.create(params, {
      stripeAccount: h.account,
      idempotencyKey: 'inv-31',
    });
    expect(retried.status).toBe('succeeded');
    expect(
      (await h.stripe.paymentIntents.list({ customer: customer.id }, { stripeAccount: h.account })).data,
    ).toHaveLength(1);
  });

  it('hangs a request until the caller gives up, without acting on it', async () => {
    const h = await harness();
    await h.control('/_sim/faults', { mode: 'hang', count: 1 });
    const abort = new AbortController();
    const pending = h.request('/v1/customers', {
      method: 'POST',
      signal: abort.signal,
      body: 'email=x%40example.com',
      headers: {
        authorization: 'Bearer sk_test_x',
        'content-type': 'application/x-www-form-urlencoded',
        'stripe-account': h.account,
      },
    });
    // Over HTTP the request must reach the simulator (and take the fault) before the caller gives up.
    const armed = async (): Promise<number> =>
      ((await (await h.request('/_sim/faults')).json()) as { faults: unknown[] }).faults.length;
    while ((await armed()) > 0);
    abort.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    expect((await h.stripe.customers.list({}, { stripeAccount: h.account })).data).toEqual([]);
  });

  it('limits a fault to the path it names', async () => {
    const h = await harness();
    await h.control('/_sim/faults', { mode: 'error_500', count: 1, path: '/v1/refunds' });
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    expect(customer.id).toMatch(/^cus_/);
  });
});
