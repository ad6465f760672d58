import { describe, expect, it } from 'vitest';
import { harness, stripeError } from './harness.ts';

describe('payment intents', () => {
  it('charges a saved card off-session and books the fee', async () => {
    const { stripe, account } = await harness();
    const customer = await stripe.customers.create({ email: 'ann@example.com' }, { stripeAccount: account });
    const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id }, { stripeAccount: account });
    const pi = await stripe.paymentIntents.create(
      { amount: 2000, currency: 'usd', customer: customer.id, payment_method: pm.id, off_session: true, confirm: true, metadata: { invoice: '1001' }, expand: ['latest_charge.balance_transaction'] },
      { stripeAccount: account, idempotencyKey: 'charge-1001' },
    );
    expect(pi.status).toBe('succeeded');
    expect(pi.metadata.invoice).toBe('1001');
    const charge = pi.latest_charge;
    if (!charge || typeof charge === 'string') throw new Error('latest_charge not expanded');
    const txn = charge.balance_transaction;
    if (!txn || typeof txn === 'string') throw new Error('balance_transaction not expanded');
    expect(txn.fee).toBe(Math.round(2000 * 0.029) + 30);
    expect(txn.net).toBe(2000 - txn.fee);
  });

  it('declines off-session with authentication_required for the …3184 card', async () => {
    const { stripe, account } = await harness();
    const customer = await stripe.customers.create({}, { stripeAccount: account });
    const pm = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id }, { stripeAccount: account });
    const error = await stripeError(
      stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: customer.id, payment_method: pm.id, off_session: true, confirm: true }, { stripeAccount: account }),
    );
    expect(error.statusCode).toBe(402);
    expect(error.code).toBe('authentication_required');
    expect(error.payment_intent?.status).toBe('requires_payment_method');
  });
});
