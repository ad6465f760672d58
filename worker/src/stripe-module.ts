import type Stripe from 'stripe';

/**
 * The stripe SDK, a module of its own beside the bundle (scripts/build-stripe-module.ts). This file
 * sits beside index.ts on purpose: wrangler keeps the specifier of an additional module as written,
 * and the bundle lives where index.ts does, so only from here does `./vendor/` name the same file
 * before and after bundling.
 */
export async function importStripe(): Promise<typeof Stripe> {
  return (await import('./vendor/stripe.mjs')).default;
}
