import { describe, expect, it } from 'vitest';
import { customerWithCard, harness, stripeError, type Harness } from './harness.ts';

async function paidIntent(h: Harness, pm = 'pm_card_visa', amount = 5000) {
  const { customer, paymentMethod } = await customerWithCard(h, pm);
  return h.stripe.paymentIntents.create(
    {
      amount,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethod.id,
      allowed_payment_method_types: ['card'],
      confirm: true,
      off_session: true,
    },
    { stripeAccount: h.account },
  );
}

describe('refunds', () => {
  it('refunds part of a payment, then the rest, then refuses more', async () => {
    const h = await harness();
    const pi = await paidIntent(h);
    const part = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 2000 }, { stripeAccount: h.account });
    expect([part.status, part.amount, part.charge]).toEqual(['succeeded', 2000, pi.latest_charge]);
    const tooMuch = await stripeError(
      h.stripe.refunds.create({ payment_intent: pi.id, amount: 3001 }, { stripeAccount: h.account }),
    );
    expect([tooMuch.statusCode, tooMuch.code, tooMuch.param]).toEqual([400, 'amount_too_large', 'amount']);
    expect(tooMuch.message).toBe('Refund amount ($30.01) is greater than unrefunded amount on charge ($30.00)');
    const rest = await h.stripe.refunds.create({ charge: String(pi.latest_charge) }, { stripeAccount: h.account });
    expect(rest.amount).toBe(3000);
    const charge = await h.stripe.charges.retrieve(String(pi.latest_charge), {}, { stripeAccount: h.account });
    expect([charge.amount_refunded, charge.refunded]).toEqual([5000, true]);
    const again = await stripeError(h.stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: h.account }));
    expect(again.code).toBe('charge_already_refunded');
    const listed = await h.stripe.refunds.list({ payment_intent: pi.id }, { stripeAccount: h.account });
    expect(listed.data.map((r) => r.amount)).toEqual([3000, 2000]);
  });

  it("keeps Stripe's reason on the refund, and refuses any other reason before looking at the payment", async () => {
    const h = await harness();
    const pi = await paidIntent(h);
    const withReason = await h.stripe.refunds.create(
      { payment_intent: pi.id, amount: 1000, reason: 'requested_by_customer' },
      { stripeAccount: h.account },
    );
    expect(withReason.reason).toBe('requested_by_customer');
    const bad = await stripeError(
      h.stripe.refunds.create(
        { payment_intent: pi.id, amount: 1000, reason: 'changed_mind' },
        { stripeAccount: h.account },
      ),
    );
    expect([bad.statusCode, bad.rawType, bad.param]).toEqual([400, 'invalid_request_error', 'reason']);
    // Stripe checks parameters before the payment: a bad reason on a fully refunded payment is still a reason error.
    await h.stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: h.account });
    const badOnRefunded = await stripeError(
      h.stripe.refunds.create({ payment_intent: pi.id, reason: 'other' }, { stripeAccount: h.account }),
    );
    expect([badOnRefunded.statusCode, badOnRefunded.param]).toEqual([400, 'reason']);
    const listed = await h.stripe.refunds.list({ payment_intent: pi.id }, { stripeAccount: h.account });
    expect(listed.data.map((r) => r.amount)).toEqual([4000, 1000]);
  });

  it('refuses to refund a payment that has not succeeded', async () => {
    const h = await harness();
    const pi = await h.stripe.paymentIntents.create({ amount: 5000, currency: 'usd' }, { stripeAccount: h.account });
    const error = await stripeError(h.stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: h.account }));
    expect([error.statusCode, error.code]).toEqual([400, 'payment_intent_unexpected_state']);
  });

  it('takes the refund from the available balance', async () => {
    const h = await harness();
    const before = await h.stripe.balance.retrieve({}, { stripeAccount: h.account });
    const pi = await paidIntent(h);
    await h.stripe.refunds.create({ payment_intent: pi.id, amount: 1500 }, { stripeAccount: h.account });
    const after = await h.stripe.balance.retrieve({}, { stripeAccount: h.account });
    const usd = (b: typeof before) => b.available.find((x) => x.currency === 'usd')?.amount;
    expect(usd(after)).toBe((usd(before) ?? 0) - 1500);
    expect(after.pending.find((x) => x.currency === 'usd')?.amount).toBe(5000 - 175);
  });

  it('keeps a refund pending for insufficient funds until the balance covers it', async () => {
    const h = await harness();
    const pi = await paidIntent(h);
    await h.control('/_sim/balance', { account: h.account, currency: 'usd', available: 100, pending: 0 });
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { stripeAccount: h.account });
    expect([refund.status, refund.pending_reason]).toEqual(['pending', 'insufficient_funds']);
    await h.control('/_sim/balance', { account: h.account, currency: 'usd', available: 5000, pending: 0 });
    const later = await h.stripe.refunds.retrieve(refund.id, {}, { stripeAccount: h.account });
    expect(later.status).toBe('succeeded');
  });

  it('releases a pending refund when the charge settles on the simulator clock', async () => {
    const h = await harness();
    await h.control('/_sim/balance', { account: h.account, currency: 'usd', available: 0, pending: 0 });
    const pi = await paidIntent(h);
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { stripeAccount: h.account });
    expect(refund.status).toBe('pending');
    await h.sim.clock.advance(2 * 24 * 3600);
    expect((await h.stripe.refunds.retrieve(refund.id, {}, { stripeAccount: h.account })).status).toBe('succeeded');
  });

  it('reports the …5126 refund succeeded, then failed later with charge.refund.updated', async () => {
    const h = await harness();
    const pi = await paidIntent(h, 'pm_card_refundFail');
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: h.account });
    expect(refund.status).toBe('succeeded');
    await h.sim.clock.advance(60);
    const failed = await h.stripe.refunds.retrieve(refund.id, {}, { stripeAccount: h.account });
    expect([failed.status, failed.failure_reason]).toEqual(['failed', 'expired_or_canceled_card']);
    const events = await h.stripe.events.list({ type: 'charge.refund.updated' }, { stripeAccount: h.account });
    const data = events.data[0]?.data.object as { id?: string; status?: string } | undefined;
    expect([data?.id, data?.status]).toEqual([refund.id, 'failed']);
    const charge = await h.stripe.charges.retrieve(String(pi.latest_charge), {}, { stripeAccount: h.account });
    expect([charge.amount_refunded, charge.refunded]).toEqual([0, false]);
  });
});
