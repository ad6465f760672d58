import qs from 'qs';
import { accountRoutes } from './accounts.ts';
import { authenticate, PUBLISHABLE_FORBIDDEN } from './auth.ts';
import { balanceRoutes } from './balance.ts';
import { chargeRoutes } from './charges.ts';
import type { Ctx, Route } from './context.ts';
import { customerRoutes } from './customers.ts';
import { invalidRequest, StripeApiError } from './errors.ts';
import { eventRoutes } from './events.ts';
import { applyExpand } from './expand.ts';
import { randomToken } from './ids.ts';
import { expandPaths, type Params } from './params.ts';
import { paymentIntentRoutes } from './payment-intents.ts';
import { paymentMethodRoutes } from './payment-methods.ts';
import { refundRoutes } from './refunds.ts';
import { setupIntentRoutes } from './setup-intents.ts';
import { API_VERSION, type Sim } from './sim.ts';
import { webhookEndpointRoutes } from './webhook-endpoints.ts';

const ROUTES: Route[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...setupIntentRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...balanceRoutes,
  ...accountRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
];

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Stripe-Account, Stripe-Version, Idempotency-Key',
  'access-control-expose-headers': 'Request-Id, Stripe-Version, Idempotency-Key, Idempotent-Replayed, Stripe-Account',
};

function match(method: string, pathname: string): { route: Route; ids: string[] } | { methodMismatch: true } | null {
  const parts = pathname.replace(/\/+$/, '').split('/');
  let pathMatched = false;
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const ids: string[] = [];
    const ok = pattern.every((segment, i) => {
      const part = parts[i] ?? '';
      if (segment.startsWith(':')) {
        ids.push(decodeURIComponent(part));
        return part !== '';
      }
      return segment === part;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, ids };
  }
  return pathMatched ? { methodMismatch: true } : null;
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body, null, 2), {
    status,
    headers: { 'content-type': 'application/json', ...CORS_HEADERS, ...headers },
  });
}

async function readParams(request: Request, url: URL): Promise<Params> {
  const options = { depth: 20, arrayLimit: 1000, parameterLimit: 10_000 };
  if (request.method !== 'POST') return qs.parse(url.search.slice(1), options);
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (text !== '' && !type.includes('application/x-www-form-urlencoded')) {
    throw invalidRequest(
      'Invalid request (check that your POST content type is application/x-www-form-urlencoded). If you have any questions, we can help at https://support.stripe.com/.',
    );
  }
  return { ...qs.parse(url.search.slice(1), options), ...qs.parse(text, options) };
}

/** Stripe prunes idempotency keys after 24 hours; the same key then starts a new request. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 3600;

const SERVER_ERROR = (): StripeApiError =>
  new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred' });

/**
 * Serves `/v1/*`: auth, routing, params, idempotency, expand, Stripe's headers and error bodies.
 * `failInside`: the endpoint starts and fails with a 500 (an `error_500_saved` fault).
 */
export async function handleApi(sim: Sim, request: Request, url: URL, failInside = false): Promise<Response> {
  const requestId = `req_${randomToken(14)}`;
  const idempotencyKey = request.method === 'POST' ? request.headers.get('idempotency-key') : null;
  const headers: Record<string, string> = {
    'request-id': requestId,
    'stripe-version': request.headers.get('stripe-version') ?? API_VERSION,
  };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const account = request.headers.get('stripe-account');
  if (account) headers['stripe-account'] = account;
  let idempotencySlot: string | null = null;
  let fingerprint = '';
  try {
    const caller = authenticate(sim, request);
    const found = match(request.method, url.pathname);
    if (!found || 'methodMismatch' in found) {
      throw invalidRequest(
        `Unrecognized request URL (${request.method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        {},
        404,
      );
    }
    if (caller.publishable && !found.route.publishable) throw PUBLISHABLE_FORBIDDEN();
    const params = await readParams(request, url);
    if (idempotencyKey) {
      if (idempotencyKey.length > 255) throw invalidRequest('Idempotency-Key must be at most 255 characters long.', {});
      idempotencySlot = `${caller.account}\u0000${idempotencyKey}`;
      fingerprint = `${request.method} ${url.pathname} ${JSON.stringify(params)}`;
      let saved = sim.state.idempotency.get(idempotencySlot);
      if (saved && sim.now() - saved.savedAt >= IDEMPOTENCY_KEY_TTL_SECONDS) {
        sim.state.idempotency.delete(idempotencySlot);
        saved = undefined;
      }
      if (saved && saved.fingerprint !== fingerprint) {
        throw new StripeApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
      }
      if (saved) {
        return new Response(saved.body, {
          status: saved.status,
          headers: { 'content-type': 'application/json', ...CORS_HEADERS, ...headers, 'idempotent-replayed': 'true' },
        });
      }
    }
    const ctx: Ctx = {
      sim,
      account: caller.account,
      params,
      publishable: caller.publishable,
      ids: found.ids,
      url,
      livemode: caller.livemode,
      origin: { requestId, idempotencyKey, livemode: caller.livemode },
      apiVersion: headers['stripe-version'] ?? API_VERSION,
    };
    if (failInside) throw SERVER_ERROR();
    const body = applyExpand(sim.state, caller.account, found.route.handle(ctx), expandPaths(params));
    const response = json(200, body, headers);
    if (idempotencySlot)
      sim.state.idempotency.set(idempotencySlot, {
        savedAt: sim.now(),
        fingerprint,
        status: 200,
        body: JSON.stringify(body, null, 2),
      });
    return response;
  } catch (e) {
    if (!(e instanceof StripeApiError)) throw e;
    const body = { error: { ...e.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } };
    // Stripe saves a result once the endpoint started executing (a decline, a 500 inside), not for rejected parameters.
    if (idempotencySlot && (e.body.type === 'card_error' || e.status === 500)) {
      sim.state.idempotency.set(idempotencySlot, {
        savedAt: sim.now(),
        fingerprint,
        status: e.status,
        body: JSON.stringify(body, null, 2),
      });
    }
    return json(e.status, body, headers);
  }
}
