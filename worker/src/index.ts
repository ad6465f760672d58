import { drizzle } from 'drizzle-orm/d1';
import { Hono } from './hono';
import { checksTokenInBatch, requireToken, type ApiEnv } from './auth';
import type { AppEnv, Db, Env } from './env';
import { settleUnknown } from './scheduled/settle';
import { loadStripe } from './stripe/client';
import type Stripe from 'stripe';
import { notFound } from './errors';
import { onError } from './on-error';
import { account } from './routes/account';
import { cardPage } from './routes/card-page';
import { cards } from './routes/cards';
import { charges } from './routes/charges';
import { connect } from './routes/connect';
import { health } from './routes/health';
import { invoicePayments } from './routes/invoice-payments';
import { invoiceStatus } from './routes/invoice-status';
import { paymentRecorded } from './routes/payment-recorded';
import { payLinks } from './routes/pay-links';
import { payPage } from './routes/pay-page';
import { refundRoutes } from './routes/refunds';
import { sessions } from './routes/sessions';
import { webhooks } from './routes/webhooks';

const api = new Hono<ApiEnv>()
  .use('*', requireToken)
  .route('/', account)
  .route('/', cards)
  // A charge and the invoice page's and lists' reads check the token in their own first batch.
  .route('/', checksTokenInBatch(charges))
  .route('/', checksTokenInBatch(invoicePayments))
  .route('/', checksTokenInBatch(invoiceStatus))
  .route('/', paymentRecorded)
  .route('/', refundRoutes)
  .route('/', payLinks)
  .route('/', sessions);

// Drizzle without the schema: every query names its tables, and with a schema Drizzle would build
// its relational map (every table and index) at a cold isolate's first request, /health included.
// One per D1 binding, not one per request.
const dbs = new WeakMap<D1Database, Db>();
function dbFor(binding: D1Database): Db {
  let db = dbs.get(binding);
  if (!db) dbs.set(binding, (db = drizzle(binding)));
  return db;
}

const app = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID());
    c.set('db', dbFor(c.env.DB));
    let client: Promise<Stripe> | undefined;
    c.set('stripe', () => (client ??= loadStripe(c.env)));
    await next();
  })
  .route('/', health)
  .route('/', connect)
  .route('/', webhooks)
  .route('/', cardPage)
  .route('/', payPage)
  .route('/api', api);

app.notFound((c) => onError(notFound('There is nothing here.'), c));
app.onError(onError);

export type AppType = typeof app;
/** The Hono app itself, for tests that call it with other bindings (`app.request(url, init, env)`). */
export { app };

export default {
  fetch: app.fetch,
  // [triggers] crons in wrangler.toml: settle what webhooks and requests left unknown.
  scheduled: async (_controller, env, ctx) => {
    ctx.waitUntil(settleUnknown(env).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
