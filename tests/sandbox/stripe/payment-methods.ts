import {
  cardByNumber,
  cardByPmId,
  isTestPaymentMethodId,
  LIVE_CARD_IN_TEST_MODE,
  luhnValid,
  type Decline,
  type TestCard,
} from './cards.ts';
import { id as routeId, type Ctx, type Route } from './context.ts';
import { cardError, invalidRequest, parameterUnknown, resourceMissing, StripeApiError } from './errors.ts';
import { newId } from './ids.ts';
import type { CardDetails, PaymentMethod } from './models.ts';
import {
  isParams,
  mergeMetadata,
  optionalHash,
  optionalString,
  optionalStringList,
  rejectUnknown,
  requiredString,
  type Params,
} from './params.ts';
import { type Sim } from './sim.ts';
import { emitEvent } from './webhooks.ts';
import { findObject, listObjects, putObject, type CardBehaviour } from './state.ts';
import { listOf } from './lists.ts';
import { requireCustomer } from './customers.ts';

/**
 * What an intent without `payment_method_types` offers: the methods "enabled in the Dashboard" of a
 * US account — cards and ACH bank debits — so the Payment Element shows more than a card form.
 */
export const DASHBOARD_PAYMENT_METHOD_TYPES = ['card', 'us_bank_account'] as const;

/** The API version that renamed `payment_method_types` (on intents) to `allowed_payment_method_types`. */
const ALLOWED_TYPES_VERSION = '2026-10-28';

/**
 * The payment method types an intent request restricts itself to: `allowed_payment_method_types`,
 * or `payment_method_types` on API versions before the rename (refused as unknown from it on).
 */
export function allowedTypes(ctx: Ctx): string[] | undefined {
  const legacy = optionalStringList(ctx.params, 'payment_method_types');
  if (legacy !== undefined && ctx.apiVersion >= ALLOWED_TYPES_VERSION) throw parameterUnknown('payment_method_types');
  const types = optionalStringList(ctx.params, 'allowed_payment_method_types') ?? legacy;
  const param = legacy ? 'payment_method_types' : 'allowed_payment_method_types';
  const other = types?.find((t) => t !== 'card');
  if (other !== undefined) {
    throw invalidRequest(
      `The payment method type "${other}" is invalid. Please ensure the provided type is activated in your dashboard (https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any preview features that you are trying to use.`,
      { param },
    );
  }
  if (types && ctx.params.automatic_payment_methods !== undefined) {
    throw invalidRequest(`You may only specify one of these parameters: automatic_payment_methods, ${param}.`, {
      param: 'automatic_payment_methods',
    });
  }
  return types;
}

function fingerprint(number: string): string {
  let hash = 0;
  for (const ch of number) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `Sbx${hash.toString(36).padStart(7, '0')}${number.slice(-4)}`.slice(0, 16);
}

function cardDetails(
  number: string,
  brand: TestCard['brand'],
  funding: string,
  expMonth: number,
  expYear: number,
  cvcGiven: boolean,
  postal: boolean,
): CardDetails {
  return {
    brand,
    checks: {
      address_line1_check: null,
      address_postal_code_check: postal ? 'pass' : null,
      cvc_check: cvcGiven ? 'pass' : null,
    },
    country: 'US',
    display_brand: brand,
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: fingerprint(number),
    funding,
    generated_from: null,
    last4: number.slice(-4),
    networks: { available: [brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}

function paymentMethodObject(
  sim: Sim,
  card: CardDetails,
  billing: Params | undefined,
  metadata: Record<string, string>,
): PaymentMethod {
  const address = isParams(billing?.address) ? billing.address : {};
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: {
        city: text(address.city),
        country: text(address.country),
        line1: text(address.line1),
        line2: text(address.line2),
        postal_code: text(address.postal_code),
        state: text(address.state),
      },
      email: text(billing?.email),
      name: text(billing?.name),
      phone: text(billing?.phone),
      tax_id: null,
    },
    card,
    created: sim.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata,
    type: 'card',
  };
}

function store(sim: Sim, account: string, pm: PaymentMethod, behaviour: CardBehaviour): PaymentMethod {
  putObject(sim.state, account, pm);
  sim.state.cards.set(pm.id, behaviour);
  return pm;
}

/** `pm_card_visa` and friends become a fresh `pm_` object in the account each time they are used. */
function fromTestId(sim: Sim, account: string, testId: string, param: string): PaymentMethod {
  const testCard = cardByPmId(testId);
  if (!testCard) throw resourceMissing('PaymentMethod', testId, param);
  const year = new Date(sim.now() * 1000).getUTCFullYear() + 1;
  const details = cardDetails(testCard.number, testCard.brand, testCard.funding, 12, year, true, false);
  return store(sim, account, paymentMethodObject(sim, details, undefined, {}), {
    testCard,
    liveCard: false,
    setUpForOffSession: false,
    consumed: false,
  });
}

/** A PaymentMethod the account may use: its own `pm_…`, or a `pm_card_*` test id. */
export function resolvePaymentMethod(ctx: Ctx, pmId: string, param = 'payment_method'): PaymentMethod {
  if (isTestPaymentMethodId(pmId)) return fromTestId(ctx.sim, ctx.account, pmId, param);
  const pm = findObject(ctx.sim.state, ctx.account, pmId, 'payment_method');
  if (!pm) throw resourceMissing('PaymentMethod', pmId, param);
  return pm;
}

export function behaviourOf(sim: Sim, pm: PaymentMethod): CardBehaviour {
  const behaviour = sim.state.cards.get(pm.id);
  if (!behaviour) throw new Error(`no card behind ${pm.id}`);
  return behaviour;
}

/** Decline Stripe gives when the card is checked (attach, setup); null when it passes. */
export function declineOnCheck(behaviour: CardBehaviour): Decline | null {
  if (behaviour.liveCard) return LIVE_CARD_IN_TEST_MODE;
  return behaviour.testCard?.decline ?? null;
}

export function assertReusable(pm: PaymentMethod, behaviour: CardBehaviour): void {
  if (behaviour.consumed && pm.customer === null) {
    throw invalidRequest(
      `The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.`,
      { param: 'payment_method' },
    );
  }
}

export function attachToCustomer(ctx: Ctx, pm: PaymentMethod, customerId: string): void {
  const behaviour = behaviourOf(ctx.sim, pm);
  if (pm.customer !== null) {
    if (pm.customer === customerId) return;
    throw invalidRequest('The payment method you provided has already been attached to a customer.', {
      param: 'payment_method',
    });
  }
  assertReusable(pm, behaviour);
  const decline = declineOnCheck(behaviour);
  if (decline) throw cardError(decline.code, decline.declineCode, decline.message, { param: '' });
  pm.customer = customerId;
}

function createFromCard(
  ctx: Ctx,
  card: Params,
  billing: Params | undefined,
  metadata: Record<string, string>,
): PaymentMethod {
  rejectUnknown(card, ['number', 'exp_month', 'exp_year', 'cvc'], 'card');
  const number = requiredString(card, 'number').replace(/\s+/g, '');
  if (!ctx.publishable) {
    // Raw card numbers with a secret key need approval Stripe gives almost no one; Stripe.js sends them with a pk.
    throw new StripeApiError(402, {
      type: 'invalid_request_error',
      message:
        'Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable testing raw card data APIs, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.',
    });
  }
  if (!luhnValid(number))
    throw cardError('incorrect_number', undefined, 'Your card number is incorrect.', { param: 'card[number]' });
  const expMonth = Number(requiredString(card, 'exp_month'));
  const rawYear = Number(requiredString(card, 'exp_year'));
  const expYear = rawYear < 100 ? 2000 + rawYear : rawYear;
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12)
    throw cardError('invalid_expiry_month', undefined, "Your card's expiration month is invalid.", {
      param: 'card[exp_month]',
    });
  const now = new Date(ctx.sim.now() * 1000);
  const expired =
    expYear < now.getUTCFullYear() || (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
  if (!Number.isInteger(expYear) || expired || expYear > now.getUTCFullYear() + 50)
    throw cardError('invalid_expiry_year', undefined, "Your card's expiration year is invalid.", {
      param: 'card[exp_year]',
    });
  const cvc = optionalString(card, 'cvc');
  if (cvc !== undefined && !/^\d{3,4}$/.test(cvc))
    throw cardError('invalid_cvc', undefined, "Your card's security code is invalid.", { param: 'card[cvc]' });
  const testCard = cardByNumber(number) ?? null;
  const postal = isParams(billing?.address) && typeof billing.address.postal_code === 'string';
  const details = cardDetails(
    number,
    testCard?.brand ?? 'visa',
    testCard?.funding ?? 'credit',
    expMonth,
    expYear,
    cvc !== undefined,
    postal,
  );
  return store(ctx.sim, ctx.account, paymentMethodObject(ctx.sim, details, billing, metadata), {
    testCard,
    liveCard: testCard === null,
    setUpForOffSession: false,
    consumed: false,
  });
}

/** Creates a PaymentMethod from `payment_method_data` or a create body. */
export function createPaymentMethod(ctx: Ctx, params: Params, prefix = ''): PaymentMethod {
  rejectUnknown(params, ['type', 'card', 'billing_details', 'metadata', 'allow_redisplay'], prefix);
  const type = requiredString(params, 'type');
  if (type !== 'card')
    throw invalidRequest(`The payment method type "${type}" is not enabled in the sandbox; only card is.`, {
      param: `${prefix ? `${prefix}[type]` : 'type'}`,
    });
  const card = optionalHash(params, 'card');
  if (!card)
    throw invalidRequest('Missing required param: card.', {
      code: 'parameter_missing',
      param: prefix ? `${prefix}[card]` : 'card',
    });
  return createFromCard(ctx, card, optionalHash(params, 'billing_details'), mergeMetadata({}, params));
}

function listForCustomer(ctx: Ctx, customerId: string): unknown {
  requireCustomer(ctx, customerId, 'customer');
  const type = optionalString(ctx.params, 'type');
  return listOf(
    ctx,
    listObjects(
      ctx.sim.state,
      ctx.account,
      'payment_method',
      (pm) => pm.customer === customerId && (type === undefined || pm.type === type),
    ),
  );
}

export const paymentMethodRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payment_methods',
    publishable: true,
    handle: (ctx) => createPaymentMethod(ctx, ctx.params),
  },
  {
    method: 'GET',
    path: '/v1/payment_methods/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const pm = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'payment_method');
      if (!pm) throw resourceMissing('payment_method', routeId(ctx), 'payment_method');
      return pm;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['billing_details', 'metadata', 'allow_redisplay']);
      const pm = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'payment_method');
      if (!pm) throw resourceMissing('payment_method', routeId(ctx), 'payment_method');
      pm.metadata = mergeMetadata(pm.metadata ?? {}, ctx.params);
      return pm;
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_methods',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['customer', 'type', 'limit', 'starting_after', 'ending_before']);
      const customer = optionalString(ctx.params, 'customer');
      if (customer !== undefined) return listForCustomer(ctx, customer);
      const type = optionalString(ctx.params, 'type');
      return listOf(
        ctx,
        listObjects(ctx.sim.state, ctx.account, 'payment_method', (pm) => type === undefined || pm.type === type),
      );
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id/payment_methods',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['type', 'limit', 'starting_after', 'ending_before', 'allow_redisplay']);
      return listForCustomer(ctx, routeId(ctx));
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id/attach',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['customer']);
      const customer = requireCustomer(ctx, requiredString(ctx.params, 'customer'), 'customer');
      const pm = resolvePaymentMethod(ctx, routeId(ctx), 'payment_method');
      attachToCustomer(ctx, pm, customer.id);
      emitEvent(ctx.sim, ctx.account, 'payment_method.attached', pm, ctx.origin);
      return pm;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id/detach',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const pm = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'payment_method');
      if (!pm) throw resourceMissing('payment_method', routeId(ctx), 'payment_method');
      if (pm.customer === null)
        throw invalidRequest(`The payment method ${pm.id} is not attached to a customer so detachment is impossible.`, {
          param: 'payment_method',
        });
      const previous = pm.customer;
      pm.customer = null;
      behaviourOf(ctx.sim, pm).consumed = true;
      emitEvent(ctx.sim, ctx.account, 'payment_method.detached', pm, ctx.origin, { customer: previous });
      return pm;
    },
  },
];
