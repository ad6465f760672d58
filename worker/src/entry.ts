import type { Env } from './env';
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

export default {
  fetch: (request, env, ctx) =>
    request.method === 'GET' && new URL(request.url).pathname === '/health'
      ? health.fetch(request, env, ctx)
      : app().then((w) => w.fetch(request, env, ctx)),
  scheduled: async (controller, env, ctx) => (await app()).scheduled(controller, env, ctx),
} satisfies ExportedHandler<Env>;
