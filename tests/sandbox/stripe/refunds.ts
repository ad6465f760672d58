import { accountRecord, balanceListeners, bookAvailable } from './balance.ts';
import { id as routeId, type Ctx, type Route } from './context.ts';
import { invalidRequest, resourceMissing, unexpectedState } from './errors.ts';
import { newId } from './ids.ts';
import { listOf } from './lists.ts';
import type { Charge, Refund } from './models.ts';
import { formatAmount } from './money.ts';
import { snapshot } from './objects.ts';
import { mergeMetadata, optionalEnum, optionalInteger, optionalString, rejectUnknown } from './params.ts';
import { NO_ORIGIN, onTimer, schedule, type Origin, type Sim } from './sim.ts';
import { balanceFor, findObject, listObjects, putObject } from './state.ts';
import { emitEvent } from './webhooks.ts';

/** …5126: the refund reports succeeded, then fails this many seconds later. */
const REFUND_FAILS_AFTER_SECONDS = 60;

const CREATE = [
  'payment_intent',
  'charge',
  'amount',
  'reason',
  'metadata',
  'instructions_email',
  'refund_application_fee',
  'reverse_transfer',
  'origin',
];

/** https://docs.stripe.com/api/refunds/create#create_refund-reason — nothing else is accepted. */
const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

function requireCharge(ctx: Ctx): Charge {
  const intentId = optionalString(ctx.params, 'payment_intent');
  const chargeId = optionalString(ctx.params, 'charge');
  if (intentId && chargeId)
    throw invalidRequest('You may only specify one of these parameters: charge, payment_intent.', {
      param: 'payment_intent',
    });
  if (chargeId) {
    const charge = findObject(ctx.sim.state, ctx.account, chargeId, 'charge');
    if (!charge) throw resourceMissing('charge', chargeId, 'charge');
    if (charge.status !== 'succeeded')
      throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
        code: 'charge_not_refundable',
        param: 'charge',
      });
    return charge;
  }
  if (!intentId)
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
      code: 'parameter_missing',
      param: 'payment_intent',
    });
  const intent = findObject(ctx.sim.state, ctx.account, intentId, 'payment_intent');
  if (!intent) throw resourceMissing('payment_intent', intentId, 'payment_intent');
  const latest =
    typeof intent.latest_charge === 'string'
      ? findObject(ctx.sim.state, ctx.account, intent.latest_charge, 'charge')
      : undefined;
  if (intent.status !== 'succeeded' || !latest || latest.status !== 'succeeded') {
    throw unexpectedState(
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      'payment_intent',
    );
  }
  return latest;
}

function refundsOf(sim: Sim, account: string, chargeId: string): Refund[] {
  return listObjects(sim.state, account, 'refund', (r) => r.charge === chargeId);
}

/** Unrefunded remainder: refunds that are pending or succeeded count against it, failed ones do not. */
function refundableAmount(sim: Sim, account: string, charge: Charge): number {
  const refunded = refundsOf(sim, account, charge.id)
    .filter((r) => r.status === 'pending' || r.status === 'succeeded')
    .reduce((sum, r) => sum + r.amount, 0);
  return charge.amount - refunded;
}

function syncCharge(sim: Sim, account: string, charge: Charge): void {
  charge.amount_refunded = charge.amount - refundableAmount(sim, account, charge);
  charge.refunded = charge.amount_refunded === charge.amount;
}

function chargeOf(sim: Sim, account: string, refund: Refund): Charge {
  const charge =
    typeof refund.charge === 'string' ? findObject(sim.state, account, refund.charge, 'charge') : undefined;
  if (!charge) throw new Error(`refund ${refund.id} lost its charge`);
  return charge;
}

function emitTransition(
  sim: Sim,
  account: string,
  refund: Refund,
  previousStatus: string | null,
  origin: Origin,
): void {
  const previous = { status: previousStatus };
  emitEvent(sim, account, 'refund.updated', refund, origin, previous);
  if (refund.status === 'failed') emitEvent(sim, account, 'refund.failed', refund, origin, previous);
  emitEvent(sim, account, 'charge.refund.updated', refund, origin, previous);
}

/** Takes the money out of the available balance and, for …5126, schedules the later failure. */
function settle(sim: Sim, account: string, refund: Refund, charge: Charge): void {
  refund.status = 'succeeded';
  delete refund.pending_reason;
  refund.balance_transaction = bookAvailable(sim, account, refund.id, -refund.amount, refund.currency, 'refund').id;
  const failsLater =
    charge.payment_method !== null && sim.state.cards.get(charge.payment_method)?.testCard?.refundFailsLater === true;
  if (failsLater)
    schedule(sim, { at: sim.now() + REFUND_FAILS_AFTER_SECONDS, kind: 'fail_refund', account, id: refund.id });
}

onTimer('fail_refund', (sim, account, id) => {
  const refund = findObject(sim.state, account, id, 'refund');
  if (!refund || refund.status !== 'succeeded') return;
  refund.status = 'failed';
  refund.failure_reason = 'expired_or_canceled_card';
  refund.failure_balance_transaction = bookAvailable(
    sim,
    account,
    refund.id,
    refund.amount,
    refund.currency,
    'refund_failure',
  ).id;
  syncCharge(sim, account, chargeOf(sim, account, refund));
  emitTransition(sim, account, refund, 'succeeded', NO_ORIGIN);
});

/** Pending refunds go through, oldest first, once the available balance covers them. */
function releasePending(sim: Sim, account: string): void {
  const waiting = listObjects(
    sim.state,
    account,
    'refund',
    (r) => r.status === 'pending' && r.pending_reason === 'insufficient_funds',
  ).reverse();
  for (const refund of waiting) {
    const balance = balanceFor(accountRecord(sim, account), refund.currency);
    if (balance.available < refund.amount) return;
    settle(sim, account, refund, chargeOf(sim, account, refund));
    emitTransition(sim, account, refund, 'pending', NO_ORIGIN);
  }
}
balanceListeners.push(releasePending);

function create(ctx: Ctx): Refund {
  rejectUnknown(ctx.params, CREATE);
  // Stripe checks the parameters' shapes before it looks at the payment.
  const reason = optionalEnum(ctx.params, 'reason', REFUND_REASONS) ?? null;
  const charge = requireCharge(ctx);
  const remaining = refundableAmount(ctx.sim, ctx.account, charge);
  if (remaining === 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
      param: ctx.params.charge ? 'charge' : 'payment_intent',
    });
  const amount = optionalInteger(ctx.params, 'amount') ?? remaining;
  if (amount <= 0)
    throw invalidRequest('Invalid positive integer', { code: 'parameter_invalid_integer', param: 'amount' });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      {
        code: 'amount_too_large',
        param: 'amount',
      },
    );
  }
  const instructions = optionalString(ctx.params, 'instructions_email');
  const refund: Refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: ctx.sim.now(),
    currency: charge.currency,
    failure_balance_transaction: undefined,
    failure_reason: undefined,
    metadata: mergeMetadata({}, ctx.params),
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    reason,
    receipt_number: null,
    status: 'pending',
    ...(instructions ? { instructions_email: instructions } : {}),
  };
  delete refund.failure_balance_transaction;
  delete refund.failure_reason;
  putObject(ctx.sim.state, ctx.account, refund);
  const balance = balanceFor(accountRecord(ctx.sim, ctx.account), charge.currency);
  // Earlier refunds waiting for funds keep their place in line.
  const queued =
    listObjects(ctx.sim.state, ctx.account, 'refund', (r) => r.id !== refund.id && r.status === 'pending').length > 0;
  if (!queued && balance.available >= amount) settle(ctx.sim, ctx.account, refund, charge);
  else refund.pending_reason = 'insufficient_funds';
  syncCharge(ctx.sim, ctx.account, charge);
  emitEvent(ctx.sim, ctx.account, 'refund.created', refund, ctx.origin);
  emitEvent(ctx.sim, ctx.account, 'charge.refunded', charge, ctx.origin, {
    amount_refunded: charge.amount_refunded - amount,
  });
  return refund;
}

function requireRefund(ctx: Ctx): Refund {
  const refund = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'refund');
  if (!refund) throw resourceMissing('refund', routeId(ctx), 'id');
  return refund;
}

export const refundRoutes: Route[] = [
  { method: 'POST', path: '/v1/refunds', handle: create },
  { method: 'GET', path: '/v1/refunds/:id', handle: (ctx) => (rejectUnknown(ctx.params, []), requireRefund(ctx)) },
  {
    method: 'POST',
    path: '/v1/refunds/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['metadata']);
      const refund = requireRefund(ctx);
      const before = snapshot(refund.metadata);
      refund.metadata = mergeMetadata(refund.metadata ?? {}, ctx.params);
      emitEvent(ctx.sim, ctx.account, 'refund.updated', refund, ctx.origin, { metadata: before });
      return refund;
    },
  },
  {
    method: 'POST',
    path: '/v1/refunds/:id/cancel',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const refund = requireRefund(ctx);
      if (refund.status !== 'requires_action')
        throw invalidRequest(
          `Can't cancel refund ${refund.id} with status ${refund.status}. Only refunds with status requires_action can be canceled.`,
          { param: 'refund' },
        );
      return refund;
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['charge', 'payment_intent', 'limit', 'starting_after', 'ending_before', 'created']);
      const chargeId = optionalString(ctx.params, 'charge');
      const intentId = optionalString(ctx.params, 'payment_intent');
      return listOf(
        ctx,
        listObjects(
          ctx.sim.state,
          ctx.account,
          'refund',
          (r) =>
            (chargeId === undefined || r.charge === chargeId) &&
            (intentId === undefined || r.payment_intent === intentId),
        ),
      );
    },
  },
];
