import qs from 'qs';
import { CORS_HEADERS } from './api.ts';
import { failPayment, succeedPayment } from './confirm-payment.ts';
import type { Ctx } from './context.ts';
import { escapeHtml, page, redirect } from './html.ts';
import { randomToken } from './ids.ts';
import type { PaymentIntent, PaymentMethod, SetupIntent } from './models.ts';
import { snapshot } from './objects.ts';
import { failSetup, succeedSetup } from './setup-intents.ts';
import { API_VERSION, type Sim } from './sim.ts';
import { emitEvent } from './webhooks.ts';

type Outcome = 'complete' | 'fail';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...CORS_HEADERS },
  });
}

function findIntent(sim: Sim, id: string): { account: string; intent: PaymentIntent | SetupIntent } | null {
  const stored = sim.state.objects.get(id);
  if (!stored || (stored.data.object !== 'payment_intent' && stored.data.object !== 'setup_intent')) return null;
  return { account: stored.account, intent: stored.data };
}

function paymentMethodOf(sim: Sim, account: string, intent: PaymentIntent | SetupIntent): PaymentMethod | null {
  const id = typeof intent.payment_method === 'string' ? intent.payment_method : null;
  const stored = id ? sim.state.objects.get(id) : undefined;
  return stored && stored.account === account && stored.data.object === 'payment_method' ? stored.data : null;
}

/** The cardholder's answer to the 3-D Secure challenge, applied as Stripe applies it. */
function resolve(sim: Sim, account: string, intent: PaymentIntent | SetupIntent, outcome: Outcome): void {
  const pm = paymentMethodOf(sim, account, intent);
  if (!pm) throw new Error('intent has no payment method');
  const ctx: Ctx = {
    sim,
    account,
    params: {},
    origin: { requestId: `req_${randomToken(14)}`, idempotencyKey: null },
    publishable: true,
    ids: [],
    url: new URL(sim.publicUrl),
    apiVersion: API_VERSION,
    livemode: false,
  };
  if (intent.object === 'setup_intent') {
    if (outcome === 'complete') return succeedSetup(ctx, intent, pm);
    return failSetup(ctx, intent, {
      type: 'invalid_request_error',
      code: 'setup_intent_authentication_failure',
      payment_method: snapshot(pm),
      message: 'The latest attempt to set up the payment method has failed because authentication failed.',
    });
  }
  const declineAfter = sim.state.cards.get(pm.id)?.testCard?.declineAfterAuthentication;
  if (outcome === 'complete')
    return declineAfter ? failPayment(ctx, intent, pm, declineAfter) : succeedPayment(ctx, intent, pm);
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.next_action = null;
  intent.last_payment_error = {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    payment_method: snapshot(pm),
    doc_url: 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
    message:
      'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
  };
  emitEvent(sim, account, 'payment_intent.payment_failed', intent, ctx.origin);
}

function challengePage(intent: PaymentIntent | SetupIntent, clientSecret: string, returnUrl: string): Response {
  const amount =
    intent.object === 'payment_intent'
      ? `<p>Amount: <strong>${(intent.amount / 100).toFixed(2)} ${escapeHtml(intent.currency.toUpperCase())}</strong></p>`
      : '';
  return page(
    '3D Secure authentication',
    `<h1>3D Secure 2 Test Page</h1><p class="note">Your bank asks you to confirm it's you.</p>${amount}
<form method="post"><input type="hidden" name="client_secret" value="${escapeHtml(clientSecret)}"><input type="hidden" name="return_url" value="${escapeHtml(returnUrl)}">
<button type="submit" name="outcome" value="complete" data-testid="threeds-complete">Complete</button>
<button type="submit" name="outcome" value="fail" class="secondary" data-testid="threeds-fail">Fail</button></form>`,
  );
}

/** `/_sim/3ds/:intent` — the challenge page (redirect flow) and the answer endpoint Stripe.js posts to. */
export async function handleThreeDSecure(sim: Sim, request: Request, url: URL): Promise<Response> {
  const id = decodeURIComponent(url.pathname.slice('/_sim/3ds/'.length).replace(/\/+$/, ''));
  const found = findIntent(sim, id);
  const isJson = (request.headers.get('content-type') ?? '').includes('application/json');
  const fields: Record<string, unknown> =
    request.method === 'POST'
      ? isJson
        ? (JSON.parse(await request.text()) as Record<string, unknown>)
        : qs.parse(await request.text())
      : Object.fromEntries(url.searchParams);
  const clientSecret = typeof fields.client_secret === 'string' ? fields.client_secret : '';
  const returnUrl = typeof fields.return_url === 'string' ? fields.return_url : '';
  if (!found || found.intent.client_secret !== clientSecret) {
    return isJson
      ? json(404, { error: { type: 'invalid_request_error', message: 'No such intent or client_secret mismatch.' } })
      : page('Not found', '<h1>This authentication link is not valid.</h1>', 404);
  }
  const { account, intent } = found;
  if (request.method === 'GET') return challengePage(intent, clientSecret, returnUrl);
  if (intent.status !== 'requires_action') {
    return isJson
      ? json(400, {
          error: {
            type: 'invalid_request_error',
            message: `The intent has status ${intent.status}; nothing to authenticate.`,
          },
        })
      : page('Done', '<h1>Nothing to authenticate.</h1>', 400);
  }
  const outcome: Outcome = fields.outcome === 'complete' ? 'complete' : 'fail';
  resolve(sim, account, intent, outcome);
  if (isJson) return json(200, { id: intent.id, status: intent.status });
  if (!returnUrl)
    return page(
      'Authentication finished',
      `<h1 data-testid="threeds-done">Authentication ${outcome === 'complete' ? 'completed' : 'failed'}.</h1>`,
    );
  const prefix = intent.object === 'payment_intent' ? 'payment_intent' : 'setup_intent';
  const target = new URL(returnUrl);
  target.searchParams.set(prefix, intent.id);
  target.searchParams.set(`${prefix}_client_secret`, clientSecret);
  target.searchParams.set('redirect_status', intent.status === 'succeeded' ? 'succeeded' : 'failed');
  return redirect(target.toString());
}
