import { CORS_HEADERS, handleApi } from './api.ts';
import { DroppedConnection, takeFault } from './faults.ts';
import { completeCaptures } from './charges.ts';
import { handleOAuth } from './oauth.ts';
import { seedState, PLATFORM_ACCOUNT } from './seed.ts';
import { handleControls } from './controls.ts';
import { runDueTimers, type Sim } from './sim.ts';
import { emptyState } from './state.ts';
import { STRIPE_JS_CONTROLLER, STRIPE_JS_ELEMENT_FRAME, STRIPE_JS_SOURCE } from './stripe-js.ts';
import { handleThreeDSecure } from './three-d-secure.ts';
import type { PersistentSimulator, SimulatorOptions } from './types.ts';
import { deserializeState, serializeState } from './state-io.ts';
import { deliverDue } from './webhooks.ts';

export type { PersistentSimulator, SimulatorOptions, StripeSimulator } from './types.ts';
export { DroppedConnection } from './faults.ts';

const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:12111';
const DEFAULT_CONNECT_URL = 'http://127.0.0.1:12112';
const DEFAULT_JS_URL = 'http://127.0.0.1:12113';
const DEFAULT_HOOKS_URL = 'http://127.0.0.1:12114';

function apiError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { type: 'api_error', message } }, null, 2), {
    status,
    headers: { 'content-type': 'application/json', ...CORS_HEADERS },
  });
}

/** A stateful Stripe stand-in as a fetch handler: same code in-process (tests, workerd) and behind server.ts. */
export function createStripeSimulator(options: SimulatorOptions = {}): PersistentSimulator {
  const publicUrl = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  const connectOrigin = new URL(options.connectUrl ?? DEFAULT_CONNECT_URL).origin;
  const jsOrigin = new URL(options.jsUrl ?? DEFAULT_JS_URL).origin;
  const hooksOrigin = new URL(options.hooksUrl ?? DEFAULT_HOOKS_URL).origin;
  const apiOrigin = new URL(publicUrl).origin;
  const stripeJs = (): Response =>
    new Response(STRIPE_JS_SOURCE(apiOrigin, jsOrigin), {
      headers: {
        'content-type': 'application/javascript; charset=utf-8',
        'access-control-allow-origin': '*',
        'cache-control': 'no-store',
      },
    });
  const autoDeliver = options.autoDeliver ?? false;
  const wallNow = (): number => Math.floor(Date.now() / 1000);
  let delivering: Promise<number> | null = null;

  const sim: Sim = {
    state: emptyState(),
    publicUrl,
    platformId: PLATFORM_ACCOUNT.id,
    autoDeliver,
    deliver: options.deliver ?? (async (url, init) => ({ status: (await fetch(url, init)).status })),
    now: () => wallNow() + sim.state.clockOffset,
    onDeliveriesQueued: () => {
      if (autoDeliver) setTimeout(() => void deliverWebhooks(), 0);
    },
  };
  seedState(sim.state, sim.now());

  /** One delivery pass at a time, so a webhook is never sent twice by overlapping passes. */
  async function deliverWebhooks(): Promise<number> {
    while (delivering) await delivering;
    delivering = deliverDue(sim, () => completeCaptures(sim));
    try {
      return await delivering;
    } finally {
      delivering = null;
    }
  }

  async function route(request: Request, url: URL, failInside: boolean): Promise<Response> {
    const path = url.pathname;
    // connect.stripe.com serves OAuth, js.stripe.com Stripe.js and its frames, hooks.stripe.com 3-D Secure; nothing else.
    if (url.origin !== apiOrigin) {
      if (url.origin === connectOrigin)
        return path.startsWith('/oauth/') ? handleOAuth(sim, request, url) : new Response('Not found', { status: 404 });
      if (url.origin === jsOrigin) {
        if (path === '/v3' || path === '/v3/') return stripeJs();
        if (path === '/v3/controller.html')
          return new Response(STRIPE_JS_CONTROLLER, { headers: { 'content-type': 'text/html; charset=utf-8' } });
        if (path === '/v3/elements-inner.html')
          return new Response(STRIPE_JS_ELEMENT_FRAME, { headers: { 'content-type': 'text/html; charset=utf-8' } });
        return new Response('Not found', { status: 404 });
      }
      if (url.origin === hooksOrigin)
        return path.startsWith('/_sim/3ds/')
          ? handleThreeDSecure(sim, request, url)
          : new Response('Not found', { status: 404 });
    }
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
    if (path === '/v3' || path === '/v3/') return stripeJs();
    if (path.startsWith('/_sim/3ds/')) return handleThreeDSecure(sim, request, url);
    if (path.startsWith('/_sim/')) return handleControls(sim, request, url, { reset, deliverWebhooks, advance });
    if (path.startsWith('/oauth/')) return handleOAuth(sim, request, url);
    if (path.startsWith('/v1/')) return handleApi(sim, request, url, failInside);
    return new Response('Not found', { status: 404 });
  }

  function reset(): void {
    sim.state = emptyState();
    seedState(sim.state, sim.now());
  }

  async function advance(seconds: number): Promise<void> {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advance(seconds) takes a non-negative number');
    sim.state.clockOffset += seconds;
    completeCaptures(sim);
    runDueTimers(sim);
    if (autoDeliver) await deliverWebhooks();
  }

  async function fetchHandler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    runDueTimers(sim);
    const fault =
      url.pathname.startsWith('/_sim/') || url.pathname.startsWith('/v3') ? null : takeFault(sim, url.pathname);
    if (fault === 'error_500' || (fault === 'error_500_saved' && !url.pathname.startsWith('/v1/')))
      return apiError(500, 'An unknown error occurred');
    if (fault === 'hang') {
      return new Promise((_, reject) => {
        request.signal.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      });
    }
    try {
      const response = await route(request, url, fault === 'error_500_saved');
      if (fault === 'drop_after_commit') throw new DroppedConnection();
      return response;
    } catch (e) {
      if (e instanceof DroppedConnection) throw e;
      console.error('[stripe-sim] unexpected error', e);
      return apiError(500, 'An unknown error occurred');
    }
  }

  return {
    fetch: fetchHandler,
    reset,
    clock: { now: () => sim.now(), advance },
    deliverWebhooks,
    exportState: () => serializeState(sim.state),
    importState: (json) => {
      sim.state = deserializeState(json);
    },
  };
}
