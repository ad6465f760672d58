import { describe, expect, it } from 'vitest';
import { authenticate, customerWithCard, harness, stripeError } from './harness.ts';

const DECLINES = [
  ['pm_card_visa_chargeDeclined', 'card_declined', 'generic_decline', 'Your card was declined.'],
  [
    'pm_card_visa_chargeDeclinedInsufficientFunds',
    'card_declined',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ],
  ['pm_card_visa_chargeDeclinedLostCard', 'card_declined', 'lost_card', 'Your card was declined.'],
  ['pm_card_visa_chargeDeclinedStolenCard', 'card_declined', 'stolen_card', 'Your card was declined.'],
  ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card', 'Your card has expired.'],
  ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."],
  [
    'pm_card_chargeDeclinedProcessingError',
    'processing_error',
    'processing_error',
    'An error occurred while processing your card. Try again in a little bit.',
  ],
] as const;

describe('payment intents', () => {
  it('charges a saved card off-session and, with capture_method automatic, books the 2.9% + 30¢ fee at once', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const pi = await h.stripe.paymentIntents.create(
      {
        amount: 2000,
        currency: 'usd',
        customer: customer.id,
        payment_method: paymentMethod.id,
        allowed_payment_method_types: ['card'],
        off_session: true,
        confirm: true,
        metadata: { invoice: '1001' },
        receipt_email: 'ann@example.com',
        capture_method: 'automatic',
        expand: ['latest_charge.balance_transaction'],
      },
      { stripeAccount: h.account, idempotencyKey: 'charge-1001' },
    );
    expect(pi.status).toBe('succeeded');
    expect(pi.amount_received).toBe(2000);
    expect(pi.metadata.invoice).toBe('1001');
    expect(pi.receipt_email).toBe('ann@example.com');
    const charge = pi.latest_charge;
    if (!charge || typeof charge === 'string') throw new Error('latest_charge not expanded');
    const txn = charge.balance_transaction;
    if (!txn || typeof txn === 'string') throw new Error('balance_transaction not expanded');
    expect(txn.fee).toBe(88);
    expect(txn.net).toBe(1912);
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
  });

  it('turns a pm_card_* id into a fresh pm_ object on each use', async () => {
    const h = await harness();
    const a = await customerWithCard(h, 'pm_card_visa');
    const b = await customerWithCard(h, 'pm_card_visa');
    expect(a.paymentMethod.id).toMatch(/^pm_(?!card_)/);
    expect(a.paymentMethod.id).not.toBe(b.paymentMethod.id);
    const listed = await h.stripe.customers.listPaymentMethods(a.customer.id, {}, { stripeAccount: h.account });
    expect(listed.data.map((pm) => pm.id)).toEqual([a.paymentMethod.id]);
  });

  it.each(DECLINES)('declines %s with %s / %s', async (pm, code, declineCode, message) => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const error = await stripeError(
      h.stripe.paymentIntents.create(
        {
          amount: 1000,
          currency: 'usd',
          customer: customer.id,
          payment_method: pm,
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
        },
        { stripeAccount: h.account },
      ),
    );
    expect(error.type).toBe('StripeCardError');
    expect(error.statusCode).toBe(402);
    expect([error.code, error.decline_code, error.message]).toEqual([code, declineCode, message]);
    expect(error.payment_intent?.status).toBe('requires_payment_method');
    expect(error.payment_intent?.last_payment_error?.code).toBe(code);
  });

  it('refuses to attach a declining card to a customer', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const error = await stripeError(
      h.stripe.paymentMethods.attach(
        'pm_card_visa_chargeDeclined',
        { customer: customer.id },
        { stripeAccount: h.account },
      ),
    );
    expect([error.statusCode, error.code, error.decline_code]).toEqual([402, 'card_declined', 'generic_decline']);
  });

  it('attaches the …0341 card but declines every charge on it', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_chargeCustomerFail');
    const error = await stripeError(
      h.stripe.paymentIntents.create(
        {
          amount: 1000,
          currency: 'usd',
          customer: customer.id,
          payment_method: paymentMethod.id,
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
        },
        { stripeAccount: h.account },
      ),
    );
    expect([error.code, error.decline_code]).toEqual(['card_declined', 'generic_decline']);
  });

  it('answers the …3184 card off-session with 402 authentication_required and an unpaid intent', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_authenticationRequired');
    const error = await stripeError(
      h.stripe.paymentIntents.create(
        {
          amount: 5000,
          currency: 'usd',
          customer: customer.id,
          payment_method: paymentMethod.id,
          allowed_payment_method_types: ['card'],
          off_session: true,
          confirm: true,
        },
        { stripeAccount: h.account },
      ),
    );
    expect([error.statusCode, error.code, error.decline_code]).toEqual([
      402,
      'authentication_required',
      'authentication_required',
    ]);
    const pi = error.payment_intent;
    if (!pi) throw new Error('error body lacks payment_intent');
    expect(pi.status).toBe('requires_payment_method');
    expect(error.payment_method?.id).toBe(paymentMethod.id);
    // The customer then authenticates the same PaymentIntent on-session.
    const retried = await h.stripe.paymentIntents.confirm(
      pi.id,
      { payment_method: paymentMethod.id, return_url: 'http://127.0.0.1:8787/pay/done' },
      { stripeAccount: h.account },
    );
    expect(retried.status).toBe('requires_action');
    expect(retried.next_action?.type).toBe('redirect_to_url');
    await authenticate(h, retried, 'complete');
    expect((await h.stripe.paymentIntents.retrieve(pi.id, {}, { stripeAccount: h.account })).status).toBe('succeeded');
  });

  it('asks the …3155 card for 3-D Secure on-session, but not off-session once it was set up', async () => {
    const h = await harness();
    const customer = await h.stripe.customers.create({}, { stripeAccount: h.account });
    const onSession = await h.stripe.paymentIntents.create(
      {
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_authenticationRequiredOnSetup',
        confirm: true,
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      },
      { stripeAccount: h.account },
    );
    expect(onSession.status).toBe('requires_action');
    const notSetUp = await customerWithCard(h, 'pm_card_authenticationRequiredOnSetup');
    const offWithoutSetup = await stripeError(
      h.stripe.paymentIntents.create(
        {
          amount: 1000,
          currency: 'usd',
          customer: notSetUp.customer.id,
          payment_method: notSetUp.paymentMethod.id,
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
        },
        { stripeAccount: h.account },
      ),
    );
    expect(offWithoutSetup.code).toBe('authentication_required');
    const si = await h.stripe.setupIntents.create(
      {
        customer: customer.id,
        allowed_payment_method_types: ['card'],
        payment_method: 'pm_card_authenticationRequiredOnSetup',
        confirm: true,
        usage: 'off_session',
      },
      { stripeAccount: h.account },
    );
    expect(si.status).toBe('requires_action');
    await authenticate(h, si, 'complete');
    const setUp = await h.stripe.setupIntents.retrieve(si.id, {}, { stripeAccount: h.account });
    const pi = await h.stripe.paymentIntents.create(
      {
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: String(setUp.payment_method),
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
      },
      { stripeAccount: h.account },
    );
    expect(pi.status).toBe('succeeded');
  });

  it('enforces per-currency minimum amounts', async () => {
    const h = await harness();
    const usd = await stripeError(
      h.stripe.paymentIntents.create({ amount: 49, currency: 'usd' }, { stripeAccount: h.account }),
    );
    expect([usd.statusCode, usd.code, usd.param, usd.message]).toEqual([
      400,
      'amount_too_small',
      'amount',
      'Amount must be at least $0.50 usd',
    ]);
    const gbp = await h.stripe.paymentIntents.create({ amount: 30, currency: 'gbp' }, { stripeAccount: h.account });
    expect(gbp.status).toBe('requires_payment_method');
    expect(
      (
        await stripeError(
          h.stripe.paymentIntents.create({ amount: 299, currency: 'sek' }, { stripeAccount: h.account }),
        )
      ).code,
    ).toBe('amount_too_small');
  });

  it('refuses a receipt_email Stripe could not mail, and keeps a good one on the intent and its charge', async () => {
    const h = await harness();
    const bad = await stripeError(
      h.stripe.paymentIntents.create(
        { amount: 1000, currency: 'usd', receipt_email: 'not an email' },
        { stripeAccount: h.account },
      ),
    );
    expect([bad.statusCode, bad.code, bad.param, bad.message]).toEqual([
      400,
      'email_invalid',
      'receipt_email',
      'Invalid email address: not an email',
    ]);
    const pi = await h.stripe.paymentIntents.create(
      {
        amount: 1000,
        currency: 'usd',
        receipt_email: 'ann@example.com',
        payment_method: 'pm_card_visa',
        allowed_payment_method_types: ['card'],
        confirm: true,
        expand: ['latest_charge'],
      },
      { stripeAccount: h.account },
    );
    expect(pi.receipt_email).toBe('ann@example.com');
    expect(typeof pi.latest_charge === 'object' && pi.latest_charge?.receipt_email).toBe('ann@example.com');
  });

  it('rejects unknown and missing parameters the way Stripe does', async () => {
    const h = await harness();
    const unknown = await stripeError(
      h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', invoice_number: '7' } as never, {
        stripeAccount: h.account,
      }),
    );
    expect([unknown.statusCode, unknown.code, unknown.param, unknown.message]).toEqual([
      400,
      'parameter_unknown',
      'invoice_number',
      'Received unknown parameter: invoice_number',
    ]);
    const missing = await stripeError(
      h.stripe.paymentIntents.create({ amount: 1000 } as never, { stripeAccount: h.account }),
    );
    expect([missing.code, missing.param]).toEqual(['parameter_missing', 'currency']);
  });

  it('refuses actions in the wrong state with payment_intent_unexpected_state', async () => {
    const h = await harness();
    const { customer, paymentMethod } = await customerWithCard(h, 'pm_card_visa');
    const pi = await h.stripe.paymentIntents.create(
      {
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: paymentMethod.id,
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
      },
      { stripeAccount: h.account },
    );
    const again = await stripeError(h.stripe.paymentIntents.confirm(pi.id, {}, { stripeAccount: h.account }));
    expect(again.code).toBe('payment_intent_unexpected_state');
    const cancel = await stripeError(h.stripe.paymentIntents.cancel(pi.id, {}, { stripeAccount: h.account }));
    expect(cancel.code).toBe('payment_intent_unexpected_state');
    const open = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { stripeAccount: h.account });
    expect(
      (
        await h.stripe.paymentIntents.cancel(
          open.id,
          { cancellation_reason: 'abandoned' },
          { stripeAccount: h.account },
        )
      ).status,
    ).toBe('canceled');
  });

  it('forbids reusing a card that paid without a customer', async () => {
    const h = await harness();
    const first = await h.stripe.paymentIntents.create(
      {
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      },
      { stripeAccount: h.account },
    );
    expect(first.status).toBe('succeeded');
    const reuse = await stripeError(
      h.stripe.paymentIntents.create(
        {
          amount: 1000,
          currency: 'usd',
          payment_method: String(first.payment_method),
          confirm: true,
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
        },
        { stripeAccount: h.account },
      ),
    );
    expect([reuse.statusCode, reuse.param]).toEqual([400, 'payment_method']);
  });

  it('requires a return_url for an on-session server confirm that might redirect', async () => {
    const h = await harness();
    const error = await stripeError(
      h.stripe.paymentIntents.create(
        { amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
        { stripeAccount: h.account },
      ),
    );
    expect(error.message).toContain('return_url');
  });
});
