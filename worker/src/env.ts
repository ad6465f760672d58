import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type Stripe from 'stripe';

/** Bindings from wrangler.toml [vars] and worker secrets. */
export interface Env {
  DB: D1Database;
  STRIPE_SECRET_KEY: string;
  STRIPE_WEBHOOK_SECRET: string;
  STRIPE_API_HOST: string;
  STRIPE_API_PORT: string;
  STRIPE_API_PROTOCOL: string;
  STRIPE_OAUTH_AUTHORIZE_URL: string;
  STRIPE_CONNECT_CLIENT_ID: string;
  STRIPE_PUBLISHABLE_KEY: string;
  STRIPE_JS_URL: string;
  PUBLIC_URL: string;
  /** CSP host lists of the card and pay pages; unset = Stripe's documented hosts (pages/element-page.ts). */
  STRIPE_CSP_SCRIPT_SRC?: string;
  STRIPE_CSP_FRAME_SRC?: string;
  STRIPE_CSP_CONNECT_SRC?: string;
  /** Multiplies the connect/redeem rate limits (default 1). */
  RATE_LIMIT_SCALE?: string;
}

/** Drizzle over D1 without relational queries (`db.query` is empty): queries name their tables. */
export type Db = DrizzleD1Database<Record<string, unknown>>;

/** What middleware puts on `c.var` for the handlers. */
interface Variables {
  db: Db;
  /** The request's Stripe client, made (and the SDK evaluated) on first use. */
  stripe: () => Promise<Stripe>;
  requestId: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: Variables;
}
