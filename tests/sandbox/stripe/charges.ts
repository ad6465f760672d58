import { id as routeId, type Ctx, type Route } from './context.ts';
import type { Decline } from './cards.ts';
import { resourceMissing } from './errors.ts';
import { newId, randomToken } from './ids.ts';
import { listOf } from './lists.ts';
import type { Charge, PaymentIntent, PaymentMethod } from './models.ts';
import { optionalString, rejectUnknown } from './params.ts';
import { bookCharge } from './balance.ts';
import { findObject, listObjects, putObject } from './state.ts';
import { emitEvent } from './webhooks.ts';
import { NO_ORIGIN, schedule, type Sim } from './sim.ts';
import { behaviourOf } from './payment-methods.ts';

/** Creates the Charge for one confirmation attempt of `intent`: succeeded and booked, or failed with `decline`. */
export function createCharge(ctx: Ctx, intent: PaymentIntent, pm: PaymentMethod, decline: Decline | null): Charge {
  const { sim } = ctx;
  const chargeId = newId('ch');
  const behaviour = behaviourOf(sim, pm);
  const txn = decline
    ? null
    : bookCharge(
        sim,
        ctx.account,
        chargeId,
        intent.amount,
        intent.currency,
        behaviour.testCard?.bypassPending === true,
      );
  const cvcFails = decline?.code === 'incorrect_cvc';
  const charge: Charge = {
    id: chargeId,
    object: 'charge',
    amount: intent.amount,
    amount_captured: decline ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: txn ? txn.id : null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: 'SANDBOX',
    captured: !decline,
    created: sim.now(),
    currency: intent.currency,
    customer: typeof intent.customer === 'string' ? intent.customer : null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline ? decline.code : null,
    failure_message: decline ? decline.message : null,
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: decline
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'declined_by_network',
          reason: decline.declineCode,
          risk_level: 'normal',
          risk_score: 20,
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        }
      : {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          risk_score: 20,
          seller_message: 'Payment complete.',
          type: 'authorized',
        },
    paid: !decline,
    payment_intent: intent.id,
    payment_method: pm.id,
    payment_method_details: {
      type: 'card',
      card: {
        brand: pm.card.brand,
        checks: {
          ...pm.card.checks,
          address_line1_check: null,
          address_postal_code_check: pm.card.checks?.address_postal_code_check ?? null,
          cvc_check: cvcFails ? 'fail' : (pm.card.checks?.cvc_check ?? null),
        },
        country: pm.card.country,
        exp_month: pm.card.exp_month,
        exp_year: pm.card.exp_year,
        fingerprint: pm.card.fingerprint ?? null,
        funding: pm.card.funding,
        last4: pm.card.last4,
        network: pm.card.brand,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: `${sim.publicUrl}/_sim/receipts/${ctx.account}/${chargeId}?s=${randomToken(12)}`,
    refunded: false,
    review: null,
    shipping: null,
    status: decline ? 'failed' : 'succeeded',
    transfer_group: null,
  };
  // automatic_async (the default since 2024-04-10): the fee is known only once capture completes.
  if (txn && intent.capture_method === 'automatic_async') {
    charge.balance_transaction = null;
    // Not due by wall time (tests would race it): completed by the next delivery pass or clock advance.
    schedule(sim, { at: Number.MAX_SAFE_INTEGER, kind: 'capture_charge', account: ctx.account, id: chargeId });
  }
  putObject(sim.state, ctx.account, charge);
  emitEvent(sim, ctx.account, decline ? 'charge.failed' : 'charge.succeeded', charge, ctx.origin);
  return charge;
}

/**
 * "Shortly after": an automatic_async capture completes at the next webhook delivery pass (after the
 * *.succeeded events went out) or the next clock advance — this many seconds is always enough.
 */
export const ASYNC_CAPTURE_SECONDS = 1;

/** Completes every pending automatic_async capture: the charge gets its balance transaction and charge.updated. */
export function completeCaptures(sim: Sim): void {
  const pending = sim.state.timers.filter((t) => t.kind === 'capture_charge');
  sim.state.timers = sim.state.timers.filter((t) => t.kind !== 'capture_charge');
  for (const timer of pending) captureCharge(sim, timer.account, timer.id);
}

function captureCharge(sim: Sim, account: string, chargeId: string): void {
  const charge = findObject(sim.state, account, chargeId, 'charge');
  if (!charge || charge.balance_transaction !== null) return;
  const txn = listObjects(
    sim.state,
    account,
    'balance_transaction',
    (t) => t.source === chargeId && t.type === 'charge',
  )[0];
  if (!txn) return;
  charge.balance_transaction = txn.id;
  emitEvent(sim, account, 'charge.updated', charge, NO_ORIGIN, { balance_transaction: null });
}

export const chargeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/charges/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const charge = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'charge');
      if (!charge) throw resourceMissing('charge', routeId(ctx), 'id');
      return charge;
    },
  },
  {
    method: 'GET',
    path: '/v1/charges',
    handle: (ctx) => {
      rejectUnknown(ctx.params, [
        'customer',
        'payment_intent',
        'limit',
        'starting_after',
        'ending_before',
        'created',
        'transfer_group',
      ]);
      const customer = optionalString(ctx.params, 'customer');
      const intent = optionalString(ctx.params, 'payment_intent');
      return listOf(
        ctx,
        listObjects(
          ctx.sim.state,
          ctx.account,
          'charge',
          (c) =>
            (customer === undefined || c.customer === customer) &&
            (intent === undefined || c.payment_intent === intent),
        ),
      );
    },
  },
];
