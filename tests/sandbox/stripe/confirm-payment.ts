import type { Decline } from './cards.ts';
import type { Ctx } from './context.ts';
import { createCharge } from './charges.ts';
import { cardError, invalidRequest, unexpectedState } from './errors.ts';
import type { IntentError, NextAction, PaymentIntent, PaymentMethod } from './models.ts';
import { snapshot } from './objects.ts';
import { assertReusable, attachToCustomer, behaviourOf, declineOnCheck } from './payment-methods.ts';
import { emitEvent } from './webhooks.ts';

export interface ConfirmOptions {
  pm: PaymentMethod;
  offSession: boolean;
  returnUrl: string | undefined;
  errorOnRequiresAction: boolean;
}

const CONFIRMABLE: readonly PaymentIntent['status'][] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

export function assertConfirmable(intent: PaymentIntent): void {
  if (CONFIRMABLE.includes(intent.status)) return;
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    );
  }
  throw unexpectedState(
    `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
  );
}

export function threeDSecureAction(
  ctx: Ctx,
  intentId: string,
  clientSecret: string | null,
  returnUrl: string | undefined,
): NextAction {
  const url = `${ctx.sim.publicUrl}/_sim/3ds/${intentId}?client_secret=${encodeURIComponent(clientSecret ?? '')}`;
  // Stripe.js handles 3DS in a modal (use_stripe_sdk); a server-side confirm with return_url gets a redirect.
  if (returnUrl && !ctx.publishable)
    return {
      type: 'redirect_to_url',
      redirect_to_url: { url: `${url}&return_url=${encodeURIComponent(returnUrl)}`, return_url: returnUrl },
    };
  return {
    type: 'use_stripe_sdk',
    use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: `src_${intentId.slice(3)}` },
  };
}

function declineError(decline: Decline, pm: PaymentMethod): IntentError {
  return {
    type: 'card_error',
    code: decline.code,
    decline_code: decline.declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replaceAll('_', '-')}`,
    message: decline.message,
    payment_method: snapshot(pm),
  };
}

/** Records a failed attempt: a failed Charge, the intent back to requires_payment_method, and the events. */
export function failPayment(ctx: Ctx, intent: PaymentIntent, pm: PaymentMethod, decline: Decline): void {
  const charge = createCharge(ctx, intent, pm, decline);
  intent.status = 'requires_payment_method';
  intent.latest_charge = charge.id;
  intent.payment_method = null;
  intent.next_action = null;
  intent.last_payment_error = { ...declineError(decline, pm), charge: charge.id };
  emitEvent(ctx.sim, ctx.account, 'payment_intent.payment_failed', intent, ctx.origin);
}

export function succeedPayment(ctx: Ctx, intent: PaymentIntent, pm: PaymentMethod): void {
  const behaviour = behaviourOf(ctx.sim, pm);
  const charge = createCharge(ctx, intent, pm, null);
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.latest_charge = charge.id;
  intent.payment_method = pm.id;
  intent.next_action = null;
  intent.last_payment_error = null;
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  if (intent.setup_future_usage && customer) {
    attachToCustomer(ctx, pm, customer);
    if (intent.setup_future_usage === 'off_session') behaviour.setUpForOffSession = true;
  }
  // A card paid without a Customer cannot be used again (Stripe's single-use rule).
  if (pm.customer === null) behaviour.consumed = true;
  emitEvent(ctx.sim, ctx.account, 'payment_intent.succeeded', intent, ctx.origin);
}

function throwCardError(intent: PaymentIntent): never {
  const error = intent.last_payment_error;
  if (!error) throw new Error('no payment error to report');
  throw cardError(error.code, error.decline_code, error.message, {
    charge: typeof intent.latest_charge === 'string' ? intent.latest_charge : undefined,
    payment_intent: snapshot(intent),
    payment_method: error.payment_method,
  });
}

/** Confirms `intent` with `pm` as Stripe would for the card behind it. Throws Stripe's 402 on a decline. */
export function confirmPayment(ctx: Ctx, intent: PaymentIntent, options: ConfirmOptions): void {
  assertConfirmable(intent);
  const { pm } = options;
  const behaviour = behaviourOf(ctx.sim, pm);
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  if (pm.customer !== null && pm.customer !== customer) {
    throw invalidRequest(
      customer
        ? `The provided PaymentMethod ${pm.id} is attached to a different Customer than the one on this PaymentIntent.`
        : `The provided PaymentMethod ${pm.id} belongs to a Customer, but you did not provide the Customer. Include the Customer in the customer parameter of the PaymentIntent.`,
      { param: 'payment_method' },
    );
  }
  assertReusable(pm, behaviour);
  intent.payment_method = pm.id;
  const card = behaviour.testCard;
  const decline = declineOnCheck(behaviour) ?? card?.chargeDecline ?? null;
  if (decline) {
    failPayment(ctx, intent, pm, decline);
    throwCardError(intent);
  }
  const needsAuthentication =
    card?.authentication === 'always' ||
    (card?.authentication === 'unless_set_up' && !(options.offSession && behaviour.setUpForOffSession));
  if (needsAuthentication && options.offSession) {
    failPayment(ctx, intent, pm, {
      code: 'authentication_required',
      declineCode: 'authentication_required',
      message: 'Your card was declined. This transaction requires authentication.',
    });
    throwCardError(intent);
  }
  if (needsAuthentication) {
    if (options.errorOnRequiresAction) {
      failPayment(ctx, intent, pm, {
        code: 'authentication_required',
        declineCode: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
      });
      throwCardError(intent);
    }
    intent.status = 'requires_action';
    intent.next_action = threeDSecureAction(ctx, intent.id, intent.client_secret, options.returnUrl);
    emitEvent(ctx.sim, ctx.account, 'payment_intent.requires_action', intent, ctx.origin);
    return;
  }
  succeedPayment(ctx, intent, pm);
}
