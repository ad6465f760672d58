import { id as routeId, type Ctx, type Route } from './context.ts';
import { assertClientSecret } from './client-secret.ts';
import { threeDSecureAction } from './confirm-payment.ts';
import { requireCustomer } from './customers.ts';
import { cardError, invalidRequest, resourceMissing } from './errors.ts';
import { clientSecretFor, newId } from './ids.ts';
import { listOf } from './lists.ts';
import type { PaymentMethod, SetupIntent } from './models.ts';
import { snapshot } from './objects.ts';
import {
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalHash,
  optionalString,
  rejectUnknown,
  type Params,
} from './params.ts';
import {
  allowedTypes,
  assertReusable,
  attachToCustomer,
  behaviourOf,
  createPaymentMethod,
  DASHBOARD_PAYMENT_METHOD_TYPES,
  declineOnCheck,
  resolvePaymentMethod,
} from './payment-methods.ts';
import { findObject, listObjects, putObject } from './state.ts';
import { emitEvent } from './webhooks.ts';

const CREATE = [
  'customer',
  'payment_method',
  'usage',
  'confirm',
  'metadata',
  'description',
  'payment_method_types',
  'allowed_payment_method_types',
  'automatic_payment_methods',
  'return_url',
  'payment_method_data',
  'payment_method_options',
  'on_behalf_of',
  'single_use',
  'mandate_data',
  'use_stripe_sdk',
  'attach_to_self',
  'flow_directions',
];
const CONFIRM = [
  'payment_method',
  'payment_method_data',
  'return_url',
  'client_secret',
  'use_stripe_sdk',
  'payment_method_options',
  'mandate_data',
];
const CONFIRMABLE: readonly SetupIntent['status'][] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

function requireSetupIntent(ctx: Ctx, intentId: string): SetupIntent {
  const intent = findObject(ctx.sim.state, ctx.account, intentId, 'setup_intent');
  if (!intent) throw resourceMissing('setup_intent', intentId, 'intent');
  return intent;
}

function unexpected(message: string): Error {
  return invalidRequest(message, { code: 'setup_intent_unexpected_state' });
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

/** A successful setup: the card is attached and, for usage=off_session, cleared for later off-session charges. */
export function succeedSetup(ctx: Ctx, intent: SetupIntent, pm: PaymentMethod): void {
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  if (customer) attachToCustomer(ctx, pm, customer);
  if (intent.usage === 'off_session') behaviourOf(ctx.sim, pm).setUpForOffSession = true;
  intent.status = 'succeeded';
  intent.payment_method = pm.id;
  intent.next_action = null;
  intent.last_setup_error = null;
  emitEvent(ctx.sim, ctx.account, 'setup_intent.succeeded', intent, ctx.origin);
}

export function failSetup(ctx: Ctx, intent: SetupIntent, error: NonNullable<SetupIntent['last_setup_error']>): void {
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.next_action = null;
  intent.last_setup_error = error;
  emitEvent(ctx.sim, ctx.account, 'setup_intent.setup_failed', intent, ctx.origin);
}

function confirm(ctx: Ctx, intent: SetupIntent, given: PaymentMethod | undefined): void {
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpected(
      intent.status === 'succeeded'
        ? 'You cannot confirm this SetupIntent because it has already succeeded.'
        : `You cannot confirm this SetupIntent because it has a status of ${intent.status}.`,
    );
  }
  const redirectsAllowed =
    intent.automatic_payment_methods?.enabled === true && intent.automatic_payment_methods.allow_redirects !== 'never';
  if (redirectsAllowed && optionalString(ctx.params, 'return_url') === undefined && !ctx.publishable) {
    throw invalidRequest(
      'A `return_url` must be specified because this Setup Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.',
    );
  }
  const pm =
    given ?? (typeof intent.payment_method === 'string' ? resolvePaymentMethod(ctx, intent.payment_method) : undefined);
  if (!pm)
    throw unexpected(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
    );
  const behaviour = behaviourOf(ctx.sim, pm);
  assertReusable(pm, behaviour);
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  if (pm.customer !== null && pm.customer !== customer)
    throw invalidRequest(`The provided PaymentMethod ${pm.id} is attached to a different Customer.`, {
      param: 'payment_method',
    });
  intent.payment_method = pm.id;
  const decline = declineOnCheck(behaviour);
  if (decline) {
    failSetup(ctx, intent, {
      type: 'card_error',
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
      doc_url: `https://stripe.com/docs/error-codes/${decline.code.replaceAll('_', '-')}`,
      payment_method: snapshot(pm),
    });
    throw cardError(decline.code, decline.declineCode, decline.message, {
      setup_intent: snapshot(intent),
      payment_method: snapshot(pm),
    });
  }
  if (behaviour.testCard?.authentication) {
    intent.status = 'requires_action';
    intent.next_action = threeDSecureAction(
      ctx,
      intent.id,
      intent.client_secret,
      optionalString(ctx.params, 'return_url'),
    );
    emitEvent(ctx.sim, ctx.account, 'setup_intent.requires_action', intent, ctx.origin);
    return;
  }
  succeedSetup(ctx, intent, pm);
}

function create(ctx: Ctx): SetupIntent {
  const params = ctx.params;
  rejectUnknown(params, CREATE);
  const confirmNow = optionalBoolean(params, 'confirm') ?? false;
  if (params.return_url !== undefined && !confirmNow)
    throw invalidRequest('You can only pass `return_url` when `confirm=true`.', { param: 'return_url' });
  const types = allowedTypes(ctx);
  const automatic = optionalHash(params, 'automatic_payment_methods');
  const customerId = optionalString(params, 'customer');
  const customer = customerId === undefined ? null : requireCustomer(ctx, customerId, 'customer').id;
  const usage = optionalEnum(params, 'usage', ['on_session', 'off_session'] as const) ?? 'off_session';
  const pm = paymentMethodFromParams(ctx, params);
  const id = newId('seti');
  const intent: SetupIntent = {
    id,
    object: 'setup_intent',
    application: null,
    automatic_payment_methods: types
      ? null
      : {
          allow_redirects: optionalEnum(automatic ?? {}, 'allow_redirects', ['always', 'never'] as const) ?? 'always',
          enabled: true,
        },
    cancellation_reason: null,
    client_secret: clientSecretFor(id),
    created: ctx.sim.now(),
    customer,
    description: nullableString(params, 'description') ?? null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: mergeMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: pm ? pm.id : null,
    payment_method_types: types ? ['card'] : [...DASHBOARD_PAYMENT_METHOD_TYPES],
    allowed_payment_method_types: types ? ['card'] : null,
    single_use_mandate: null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    usage,
  };
  putObject(ctx.sim.state, ctx.account, intent);
  emitEvent(ctx.sim, ctx.account, 'setup_intent.created', intent, ctx.origin);
  if (confirmNow) confirm(ctx, intent, pm);
  return intent;
}

export const setupIntentRoutes: Route[] = [
  { method: 'POST', path: '/v1/setup_intents', handle: create },
  {
    method: 'GET',
    path: '/v1/setup_intents/:id',
    publishable: true,
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['client_secret']);
      const intent = requireSetupIntent(ctx, routeId(ctx));
      assertClientSecret(ctx, intent.client_secret);
      return intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id/confirm',
    publishable: true,
    handle: (ctx) => {
      rejectUnknown(ctx.params, CONFIRM);
      const intent = requireSetupIntent(ctx, routeId(ctx));
      assertClientSecret(ctx, intent.client_secret);
      confirm(ctx, intent, paymentMethodFromParams(ctx, ctx.params));
      return intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id/cancel',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['cancellation_reason']);
      const intent = requireSetupIntent(ctx, routeId(ctx));
      if (intent.status === 'succeeded' || intent.status === 'canceled' || intent.status === 'processing') {
        throw unexpected(
          `You cannot cancel this SetupIntent because it has a status of ${intent.status}. Only a SetupIntent with one of the following statuses may be canceled: requires_payment_method, requires_confirmation, requires_action.`,
        );
      }
      intent.status = 'canceled';
      intent.cancellation_reason =
        optionalEnum(ctx.params, 'cancellation_reason', ['abandoned', 'duplicate', 'requested_by_customer'] as const) ??
        null;
      intent.next_action = null;
      emitEvent(ctx.sim, ctx.account, 'setup_intent.canceled', intent, ctx.origin);
      return intent;
    },
  },
  {
    method: 'GET',
    path: '/v1/setup_intents',
    handle: (ctx) => {
      rejectUnknown(ctx.params, [
        'customer',
        'payment_method',
        'limit',
        'starting_after',
        'ending_before',
        'created',
        'attach_to_self',
      ]);
      const customer = optionalString(ctx.params, 'customer');
      return listOf(
        ctx,
        listObjects(
          ctx.sim.state,
          ctx.account,
          'setup_intent',
          (si) => customer === undefined || si.customer === customer,
        ),
      );
    },
  },
];
