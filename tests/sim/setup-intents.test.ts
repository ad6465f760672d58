import { describe, expect, it } from 'vitest';
import { authenticate, customerWithCard, harness, stripeError } from './harness.ts';

describe('setup intents', () => {
  it('saves a card for off-session use and attaches it to the customer', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const si = await h.stripe.setupIntents.create(
      { customer: customer.id, usage: 'off_session', allowed_payment_method_types: ['card'] },
      { stripeAccount: h.account },
    );
    expect([si.status, si.usage, si.client_secret?.startsWith(`${si.id}_secret_`)]).toEqual([
      'requires_payment_method',
      'off_session',
      true,
    ]);
    const confirmed = await h.stripe.setupIntents.confirm(
      si.id,
      { payment_method: 'pm_card_visa' },
      { stripeAccount: h.account },
    );
    expect(confirmed.status).toBe('succeeded');
    const cards = await h.stripe.customers.listPaymentMethods(
      customer.id,
      { type: 'card' },
      { stripeAccount: h.account },
    );
    expect(cards.data.map((pm) => [pm.id, pm.card?.last4])).toEqual([[confirmed.payment_method, '4242']]);
  });

  it('fails setup for a declining card with setup_intent in the error', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const error = await stripeError(
      h.stripe.setupIntents.create(
        {
          customer: customer.id,
          allowed_payment_method_types: ['card'],
          payment_method: 'pm_card_visa_chargeDeclined',
          confirm: true,
        },
        { stripeAccount: h.account },
      ),
    );
    expect([error.statusCode, error.code, error.decline_code]).toEqual([402, 'card_declined', 'generic_decline']);
    expect(error.setup_intent?.status).toBe('requires_payment_method');
  });

  it('needs 3-D Secure for the …3184 card and fails when the cardholder fails it', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const si = await h.stripe.setupIntents.create(
      {
        customer: customer.id,
        allowed_payment_method_types: ['card'],
        payment_method: 'pm_card_authenticationRequired',
        confirm: true,
      },
      { stripeAccount: h.account },
    );
    expect([si.status, si.next_action?.type]).toEqual(['requires_action', 'use_stripe_sdk']);
    await authenticate(h, si, 'fail');
    const failed = await h.stripe.setupIntents.retrieve(si.id, {}, { stripeAccount: h.account });
    expect([failed.status, failed.last_setup_error?.code]).toEqual([
      'requires_payment_method',
      'setup_intent_authentication_failure',
    ]);
    const cards = await h.stripe.customers.listPaymentMethods(customer.id, {}, { stripeAccount: h.account });
    expect(cards.data).toEqual([]);
  });

  it('cancels an unconfirmed setup, and refuses to confirm it afterwards', async () => {
    const h = await harness();
    const si = await h.stripe.setupIntents.create(
      { allowed_payment_method_types: ['card'] },
      { stripeAccount: h.account },
    );
    expect((await h.stripe.setupIntents.cancel(si.id, {}, { stripeAccount: h.account })).status).toBe('canceled');
    const error = await stripeError(
      h.stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' }, { stripeAccount: h.account }),
    );
    expect(error.code).toBe('setup_intent_unexpected_state');
  });
});

describe('customers and payment methods', () => {
  it('updates a customer and its default card', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create(
      { name: 'Ann', metadata: { site_customer: '17' } },
      { stripeAccount: h.account },
    );
    const pm = await h.stripe.paymentMethods.attach(
      'pm_card_mastercard',
      { customer: customer.id },
      { stripeAccount: h.account },
    );
    const updated = await h.stripe.customers.update(
      customer.id,
      { email: 'ann@example.com', invoice_settings: { default_payment_method: pm.id } },
      { stripeAccount: h.account },
    );
    expect([updated.email, updated.invoice_settings.default_payment_method, updated.metadata.site_customer]).toEqual([
      'ann@example.com',
      pm.id,
      '17',
    ]);
    expect((await h.stripe.customers.retrieve(customer.id, {}, { stripeAccount: h.account })).id).toBe(customer.id);
  });

  it('detaches a card, after which it cannot be used again', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const pm = await h.stripe.paymentMethods.attach(
      'pm_card_visa',
      { customer: customer.id },
      { stripeAccount: h.account },
    );
    const detached = await h.stripe.paymentMethods.detach(pm.id, {}, { stripeAccount: h.account });
    expect(detached.customer).toBeNull();
    const error = await stripeError(
      h.stripe.paymentMethods.attach(pm.id, { customer: customer.id }, { stripeAccount: h.account }),
    );
    expect(error.statusCode).toBe(400);
  });

  it('refuses raw card numbers from a secret key, as Stripe does', async () => {
    const h = await harness();
    const error = await stripeError(
      h.stripe.paymentMethods.create(
        { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } },
        { stripeAccount: h.account },
      ),
    );
    expect(error.message).toContain('Sending credit card numbers directly to the Stripe API is generally unsafe');
  });

  it('answers a missing customer with resource_missing', async () => {
    const h = await harness();
    const error = await stripeError(h.stripe.customers.retrieve('cus_missing', {}, { stripeAccount: h.account }));
    expect([error.statusCode, error.code]).toEqual([404, 'resource_missing']);
  });
});

describe('intents without payment_method_types (the Dashboard’s methods)', () => {
  it('offer more than cards, and refuse a server-side confirm without return_url, off-session too', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const si = await h.stripe.setupIntents.create({ customer: customer.id }, { stripeAccount: h.account });
    expect(si.payment_method_types).toEqual(['card', 'us_bank_account']);
    const setup = await stripeError(
      h.stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' }, { stripeAccount: h.account }),
    );
    expect(setup.message).toMatch(/^A `return_url` must be specified/);
    const charge = await stripeError(
      h.stripe.paymentIntents.create(
        {
          amount: 1000,
          currency: 'usd',
          customer: customer.id,
          payment_method: paymentMethod.id,
          off_session: true,
          confirm: true,
        },
        { stripeAccount: h.account },
      ),
    );
    expect([charge.statusCode, charge.type]).toEqual([400, 'StripeInvalidRequestError']);
    expect((await h.stripe.paymentIntents.list({}, { stripeAccount: h.account })).data.map((pi) => pi.status)).toEqual([
      'requires_confirmation',
    ]);
  });

  it('offer cards only with payment_method_types card, and confirm off-session without return_url', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const pi = await h.stripe.paymentIntents.create(
      {
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: paymentMethod.id,
        allowed_payment_method_types: ['card'],
        off_session: true,
        confirm: true,
      },
      { stripeAccount: h.account },
    );
    expect([pi.status, pi.payment_method_types, pi.automatic_payment_methods]).toEqual(['succeeded', ['card'], null]);
  });

  it('names the restriction allowed_payment_method_types from API 2026-10-28 on; payment_method_types only before it', async () => {
    const h = await harness();
    const legacy = (version: string) =>
      h.request('/v1/setup_intents', {
        method: 'POST',
        body: 'payment_method_types[0]=card',
        headers: {
          authorization: 'Bearer sk_test_x',
          'content-type': 'application/x-www-form-urlencoded',
          'stripe-account': h.account,
          'stripe-version': version,
        },
      });
    const refused = await legacy('2026-10-28.endive');
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      'parameter_unknown',
    ]);
    expect((await legacy('2024-04-10')).status).toBe(200);
  });
});
