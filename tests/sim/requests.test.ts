import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { JANE_DOE_CONSULTING, MK_MY_SHOP } from '../sandbox/stripe/seed.ts';
import { customerWithCard, harness, stripeError, stripeFor } from './harness.ts';

/** Shaped like a live secret key but made up; assembled so no scanner mistakes it for a leaked one. */
const FAKE_LIVE_KEY = ['sk', 'live', '123456789'].join('_');

describe('authentication and accounts', () => {
  it('answers 401 without a key and for a key that is not sk_test_', async () => {
    const h = await harness();
    const none = await h.request('/v1/customers');
    expect(none.status).toBe(401);
    expect(none.headers.get('request-id')).toMatch(/^req_/);
    const live = await stripeError(stripeFor(h.sim, FAKE_LIVE_KEY).customers.list());
    expect([live.statusCode, live.type]).toEqual([401, 'StripeAuthenticationError']);
  });

  it('allows a publishable key only where Stripe.js uses one', async () => {
    const h = await harness();
    const error = await stripeError(stripeFor(h.sim, 'pk_test_123456789').customers.list());
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('publishable API key');
  });

  it('keeps each connected account’s objects invisible to the others', async () => {
    const h = await harness();
    await h.control('/_sim/connect', { account: JANE_DOE_CONSULTING.id });
    const customer = await h.stripe.customers.create({ name: 'Ann' }, { stripeAccount: h.account });
    const elsewhere = await stripeError(
      h.stripe.customers.retrieve(customer.id, {}, { stripeAccount: JANE_DOE_CONSULTING.id }),
    );
    expect([elsewhere.statusCode, elsewhere.code, elsewhere.message]).toEqual([
      404,
      'resource_missing',
      `No such customer: '${customer.id}'`,
    ]);
    const platform = await stripeError(h.stripe.customers.retrieve(customer.id));
    expect(platform.code).toBe('resource_missing');
  });

  it('refuses a Stripe-Account the platform is not connected to', async () => {
    const h = await harness();
    const error = await stripeError(h.stripe.customers.list({}, { stripeAccount: MK_MY_SHOP.id }));
    expect([error.statusCode, error.code]).toEqual([401, 'account_invalid']);
  });

  it('creates Standard accounts and retrieves them with their business name', async () => {
    const h = await harness();
    const created = await h.stripe.accounts.create({ type: 'standard', business_profile: { name: 'Test Shop' } });
    const account = await h.stripe.accounts.retrieve(created.id);
    expect([account.type, account.business_profile?.name]).toEqual(['standard', 'Test Shop']);
    const customer = await h.stripe.customers.create({}, { stripeAccount: created.id });
    expect(customer.id).toMatch(/^cus_/);
  });

  it('accepts any Stripe-Version and echoes it', async () => {
    const h = await harness();
    const response = await h.request('/v1/balance', {
      headers: { authorization: 'Bearer sk_test_x', 'stripe-version': '2020-08-27' },
    });
    expect([response.status, response.headers.get('stripe-version')]).toEqual([200, '2020-08-27']);
  });
});

describe('idempotency', () => {
  it('replays the first response for the same key and parameters', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const params = {
      amount: 1200,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethod.id,
      allowed_payment_method_types: ['card'],
      confirm: true,
      off_session: true,
    };
    const first = await h.stripe.paymentIntents.create(params, {
      stripeAccount: h.account,
      idempotencyKey: 'invoice-77',
    });
    const second = await h.stripe.paymentIntents.create(params, {
      stripeAccount: h.account,
      idempotencyKey: 'invoice-77',
    });
    expect(second.id).toBe(first.id);
    const all = await h.stripe.paymentIntents.list({ customer: customer.id }, { stripeAccount: h.account });
    expect(all.data).toHaveLength(1);
  });

  it('marks a replayed response with Idempotent-Replayed: true', async () => {
    const h = await harness();
    const init = () => ({
      method: 'POST',
      body: 'email=a%40example.com',
      headers: {
        authorization: 'Bearer sk_test_x',
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'raw-1',
      },
    });
    const first = await h.request('/v1/customers', init());
    const second = await h.request('/v1/customers', init());
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(await first.text());
  });

  it('replays a decline too, without charging again', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const params = {
      amount: 1200,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa_chargeDeclined',
      allowed_payment_method_types: ['card'],
      confirm: true,
      off_session: true,
    };
    const first = await stripeError(
      h.stripe.paymentIntents.create(params, { stripeAccount: h.account, idempotencyKey: 'k-decline' }),
    );
    const second = await stripeError(
      h.stripe.paymentIntents.create(params, { stripeAccount: h.account, idempotencyKey: 'k-decline' }),
    );
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with different parameters', async () => {
    const h = await harness();
    await h.stripe.customers.create({ email: 'a@example.com' }, { stripeAccount: h.account, idempotencyKey: 'same' });
    const error = await stripeError(
      h.stripe.customers.create({ email: 'b@example.com' }, { stripeAccount: h.account, idempotencyKey: 'same' }),
    );
    expect([error.statusCode, error.type]).toEqual([400, 'StripeIdempotencyError']);
  });

  it('scopes keys per account', async () => {
    const h = await harness();
    await h.control('/_sim/connect', { account: JANE_DOE_CONSULTING.id });
    const a = await h.stripe.customers.create(
      { email: 'a@example.com' },
      { stripeAccount: h.account, idempotencyKey: 'shared' },
    );
    const b = await h.stripe.customers.create(
      { email: 'b@example.com' },
      { stripeAccount: JANE_DOE_CONSULTING.id, idempotencyKey: 'shared' },
    );
    expect(b.id).not.toBe(a.id);
  });
});

describe('request format', () => {
  it('parses nested form parameters and expand[]', async () => {
    const h = await harness();
    const body =
      'email=n%40example.com&metadata[site_customer]=42&invoice_settings[custom_fields]=&expand[]=invoice_settings.default_payment_method';
    const response = await h.request('/v1/customers', {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_x',
        'content-type': 'application/x-www-form-urlencoded',
        'stripe-account': h.account,
      },
      body,
    });
    const customer = (await response.json()) as Stripe.Customer;
    expect([response.status, customer.metadata.site_customer]).toEqual([200, '42']);
  });

  it('answers unknown URLs with Stripe’s 404 body', async () => {
    const h = await harness();
    const error = await stripeError(h.stripe.rawRequest('GET', '/v1/nope'));
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('Unrecognized request URL');
  });
});
