import type { Params } from './params.ts';
import type { Origin, Sim } from './sim.ts';

/** One authenticated API request, as a handler sees it. */
export interface Ctx {
  sim: Sim;
  /** The account acted on: the platform, or the connected account named by `Stripe-Account`. */
  account: string;
  params: Params;
  origin: Origin;
  /** Authenticated with a live key (the platform's registered `sk_live_…`, or a live access token). */
  livemode: boolean;
  /** Authenticated with a `pk_test_` key (Stripe.js): only client_secret calls are allowed. */
  publishable: boolean;
  /** The request's Stripe-Version (the SDK's pinned version when it sends none). */
  apiVersion: string;
  /** Values of the route's `:name` segments, in order. */
  ids: string[];
  url: URL;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Stripe.js calls this with a publishable key. */
  publishable?: boolean;
  handle(ctx: Ctx): unknown;
}

export function id(ctx: Ctx, index = 0): string {
  const value = ctx.ids[index];
  if (value === undefined) throw new Error('route has no such id');
  return value;
}
