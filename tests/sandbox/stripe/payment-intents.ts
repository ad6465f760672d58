import { assertConfirmable, confirmPayment } from './confirm-payment.ts';
import { id as routeId, type Ctx, type Route } from './context.ts';
import { invalidRequest, resourceMissing, unexpectedState } from './errors.ts';
import { clientSecretFor, newId } from './ids.ts';
import { listOf } from './lists.ts';
import type { PaymentIntent, PaymentMethod } from './models.ts';
import { checkChargeAmount, checkCurrency } from './money.ts';
import { changedFields, snapshot } from './objects.ts';
import {
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalHash,
  optionalString,
  rejectUnknown,
  requiredInteger,
  requiredString,
  type Params,
} from './params.ts';
import {
  allowedTypes,
  createPaymentMethod,
  DASHBOARD_PAYMENT_METHOD_TYPES,
  resolvePaymentMethod,
} from './payment-methods.ts';
import { requireCustomer } from './customers.ts';
import { findObject, listObjects, putObject } from './state.ts';
import { emitEvent } from './webhooks.ts';
import { assertClientSecret } from './client-secret.ts';

const CREATE = [
  'amount',
  'currency',
  'customer',
  'payment_method',
  'payment_method_types',
  'allowed_payment_method_types',
  'automatic_payment_methods',
  'confirm',
  'off_session',
  'receipt_email',
  'metadata',
  'description',
  'setup_future_usage',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'capture_method',
  'confirmation_method',
  'return_url',
  'payment_method_data',
  'payment_method_options',
  'error_on_requires_action',
  'use_stripe_sdk',
  'shipping',
  'transfer_group',
  'mandate_data',
];
const CONFIRM = [
  'payment_method',
  'payment_method_data',
  'off_session',
  'return_url',
  'receipt_email',
  'setup_future_usage',
  'error_on_requires_action',
  'use_stripe_sdk',
  'payment_method_options',
  'mandate_data',
  'shipping',
  'client_secret',
  'payment_method_types',
  'allowed_payment_method_types',
  'capture_method',
];
const UPDATE = [
  'amount',
  'currency',
  'customer',
  'description',
  'metadata',
  'payment_method',
  'receipt_email',
  'setup_future_usage',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'payment_method_types',
  'allowed_payment_method_types',
  'shipping',
  'transfer_group',
  'payment_method_options',
];
const CANCELABLE: readonly PaymentIntent['status'][] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

/**
 * `receipt_email`: Stripe refuses an address it could not mail ("Invalid email address: …") and an
 * empty string unsets it. Stripe emails the receipt when the payment succeeds (live mode); the
 * address stays on the PaymentIntent and its charge, where a test reads it.
 */
function receiptEmailParam(params: Params): string | null | undefined {
  const value = nullableString(params, 'receipt_email');
  if (typeof value === 'string' && (value.length > 800 || !/^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/.test(value)))
    throw invalidRequest(`Invalid email address: ${value}`, { code: 'email_invalid', param: 'receipt_email' });
  return value;
}

function requireIntent(ctx: Ctx, intentId: string): PaymentIntent {
  const intent = findObject(ctx.sim.state, ctx.account, intentId, 'payment_intent');
  if (!intent) throw resourceMissing('payment_intent', intentId, 'intent');
  return intent;
}

function paymentMethodFromParams(ctx: Ctx, params: Params): PaymentMethod | undefined {
  const data = optionalHash(params, 'payment_method_data');
  const pmId = optionalString(params, 'payment_method');
  if (data && pmId)
    throw invalidRequest('You may only specify one of these parameters: payment_method, payment_method_data.', {
      param: 'payment_method_data',
    });
  if (data) return createPaymentMethod(ctx, data, 'payment_method_data');
  return pmId ? resolvePaymentMethod(ctx, pmId) : undefined;
}

function usage(params: Params): PaymentIntent['setup_future_usage'] | undefined {
  const value = optionalEnum(params, 'setup_future_usage', ['on_session', 'off_session', ''] as const);
  return value === '' ? null : value;
}

function confirm(ctx: Ctx, intent: PaymentIntent, pm: PaymentMethod | undefined): void {
  assertConfirmable(intent);
  const params = ctx.params;
  const offSession = optionalBoolean(params, 'off_session') ?? false;
  const returnUrl = optionalString(params, 'return_url');
  const chosen =
    pm ?? (typeof intent.payment_method === 'string' ? resolvePaymentMethod(ctx, intent.payment_method) : undefined);
  if (!chosen) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
    );
  }
  const redirectsAllowed =
    intent.automatic_payment_methods?.enabled === true && intent.automatic_payment_methods.allow_redirects !== 'never';
  // Off-session too: with Dashboard payment methods Stripe wants somewhere to send a redirect.
  if (redirectsAllowed && !returnUrl && !ctx.publishable) {
    throw invalidRequest(
      'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.',
    );
  }
  const receiptEmail = receiptEmailParam(params);
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
  const sfu = usage(params);
  if (sfu !== undefined) intent.setup_future_usage = sfu;
  confirmPayment(ctx, intent, {
    pm: chosen,
    offSession,
    returnUrl,
    errorOnRequiresAction: optionalBoolean(params, 'error_on_requires_action') ?? false,
  });
}

function create(ctx: Ctx): PaymentIntent {
  const params = ctx.params;
  rejectUnknown(params, CREATE);
  const amount = requiredInteger(params, 'amount');
  const currency = requiredString(params, 'currency').toLowerCase();
  checkCurrency(currency);
  checkChargeAmount(amount, currency);
  const confirmNow = optionalBoolean(params, 'confirm') ?? false;
  for (const onlyWithConfirm of ['off_session', 'return_url', 'error_on_requires_action']) {
    if (params[onlyWithConfirm] !== undefined && !confirmNow) {
      throw invalidRequest(`You can only pass \`${onlyWithConfirm}\` when \`confirm=true\`.`, {
        param: onlyWithConfirm,
      });
    }
  }
  // Stripe's default became automatic_async with API 2024-04-10 (dated versions compare as strings).
  const captureMethod =
    optionalEnum(params, 'capture_method', ['automatic', 'automatic_async', 'manual'] as const) ??
    (ctx.apiVersion >= '2024-04-10' ? 'automatic_async' : 'automatic');
  if (captureMethod === 'manual')
    throw invalidRequest('The sandbox simulates automatic capture only.', { param: 'capture_method' });
  const types = allowedTypes(ctx);
  const automatic = optionalHash(params, 'automatic_payment_methods');
  const customerId = optionalString(params, 'customer');
  const customer = customerId === undefined ? null : requireCustomer(ctx, customerId, 'customer').id;
  const allowRedirects = optionalEnum(automatic ?? {}, 'allow_redirects', ['always', 'never'] as const) ?? 'always';
  const pm = paymentMethodFromParams(ctx, params);
  const id = newId('pi');
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: types ? null : { allow_redirects: allowRedirects, enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: clientSecretFor(id),
    confirmation_method: optionalEnum(params, 'confirmation_method', ['automatic', 'manual'] as const) ?? 'automatic',
    created: ctx.sim.now(),
    currency,
    customer,
    description: nullableString(params, 'description') ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: mergeMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: pm ? pm.id : null,
    payment_method_types: types ? ['card'] : [...DASHBOARD_PAYMENT_METHOD_TYPES],
    allowed_payment_method_types: types ? ['card'] : null,
    processing: null,
    receipt_email: receiptEmailParam(params) ?? null,
    review: null,
    setup_future_usage: usage(params) ?? null,
    shipping: null,
    statement_descriptor: optionalString(params, 'statement_descriptor') ?? null,
    statement_descriptor_suffix: optionalString(params, 'statement_descriptor_suffix') ?? null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  putObject(ctx.sim.state, ctx.account, intent);
  emitEvent(ctx.sim, ctx.account, 'payment_intent.created', intent, ctx.origin);
  if (confirmNow) confirm(ctx, intent, pm);
  return intent;
}

export const paymentIntentRoutes: Route[] = [
  { method: 'POST', path: '/v1/payment_intents', handle: create },
  {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    publishable: true,
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['client_secret']);
      const intent = requireIntent(ctx, routeId(ctx));
      assertClientSecret(ctx, intent.client_secret);
      return intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, UPDATE);
      const intent = requireIntent(ctx, routeId(ctx));
      if (intent.status === 'succeeded' || intent.status === 'canceled' || intent.status === 'processing') {
        throw unexpectedState(
          `This PaymentIntent's ${Object.keys(ctx.params)[0] ?? 'parameters'} could not be updated because it has a status of ${intent.status}. You may only update the ${Object.keys(ctx.params)[0] ?? 'parameters'} of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
        );
      }
      const before = snapshot(intent);
      const amount = ctx.params.amount === undefined ? undefined : requiredInteger(ctx.params, 'amount');
      if (amount !== undefined) {
        checkChargeAmount(amount, intent.currency);
        intent.amount = amount;
      }
      const customerId = optionalString(ctx.params, 'customer');
      if (customerId !== undefined) intent.customer = requireCustomer(ctx, customerId, 'customer').id;
      const pm = paymentMethodFromParams(ctx, ctx.params);
      if (pm) {
        intent.payment_method = pm.id;
        intent.status = 'requires_confirmation';
      }
      const description = nullableString(ctx.params, 'description');
      if (description !== undefined) intent.description = description;
      const receiptEmail = receiptEmailParam(ctx.params);
      if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
      const sfu = usage(ctx.params);
      if (sfu !== undefined) intent.setup_future_usage = sfu;
      intent.metadata = mergeMetadata(intent.metadata, ctx.params);
      if (amount !== undefined && intent.status === 'requires_action') intent.status = 'requires_payment_method';
      emitEvent(ctx.sim, ctx.account, 'payment_intent.updated', intent, ctx.origin, changedFields(before, intent));
      return intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/confirm',
    publishable: true,
    handle: (ctx) => {
      rejectUnknown(ctx.params, CONFIRM);
      const intent = requireIntent(ctx, routeId(ctx));
      assertClientSecret(ctx, intent.client_secret);
      confirm(ctx, intent, paymentMethodFromParams(ctx, ctx.params));
      return intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/cancel',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['cancellation_reason']);
      const intent = requireIntent(ctx, routeId(ctx));
      if (!CANCELABLE.includes(intent.status)) {
        throw unexpectedState(
          `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        );
      }
      intent.status = 'canceled';
      intent.canceled_at = ctx.sim.now();
      intent.cancellation_reason =
        optionalEnum(ctx.params, 'cancellation_reason', [
          'duplicate',
          'fraudulent',
          'requested_by_customer',
          'abandoned',
        ] as const) ?? null;
      intent.next_action = null;
      emitEvent(ctx.sim, ctx.account, 'payment_intent.canceled', intent, ctx.origin);
      return intent;
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['customer', 'limit', 'starting_after', 'ending_before', 'created']);
      const customer = optionalString(ctx.params, 'customer');
      return listOf(
        ctx,
        listObjects(
          ctx.sim.state,
          ctx.account,
          'payment_intent',
          (pi) => customer === undefined || pi.customer === customer,
        ),
      );
    },
  },
];
