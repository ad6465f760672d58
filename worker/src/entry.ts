import { Hono } from 'hono';
import { LinearRouter } from 'hono/router/linear-router';
import type { AppEnv, Env } from './env';
import { health } from './routes/health';

type Worker = (typeof import('./index'))['default'];

let worker: Promise<Worker> | undefined;

/**
 * The whole app (routes, schemas, queries, pages), evaluated by the first request that needs it.
 * workerd compiles the script at start but evaluates modules only when first imported, so a cold
 * isolate answering /health (load balancers, `wrangler dev` readiness, the bench) does not pay for
 * the rest. Everything but `GET /health` goes to the app exactly as before.
 */
function app(): Promise<Worker> {
  worker ??= import('./index').then((m) => m.default);
  return worker;
}

// The same /health route as the app's, on the router that needs no set-up before its first match.
const healthOnly = new Hono<AppEnv>({ router: new LinearRouter() }).route('/', health);

export default {
  fetch: (request, env, ctx) =>
    request.method === 'GET' && new URL(request.url).pathname === '/health'
      ? healthOnly.fetch(request, env, ctx)
      : app().then((w) => w.fetch(request, env, ctx)),
  scheduled: async (controller, env, ctx) => (await app()).scheduled(controller, env, ctx),
} satisfies ExportedHandler<Env>;
