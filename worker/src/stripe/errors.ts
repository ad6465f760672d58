import Stripe from 'stripe';

/** Stripe could not be reached or answered with its own failure: the outcome of a call is unknown. */
export function isStripeUnavailable(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError;
}

export function isInvalidGrant(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidGrantError;
}

/** OAuth said the platform has no access to the account (already deauthorized). */
export function isAlreadyDeauthorized(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidClientError || error instanceof Stripe.errors.StripePermissionError;
}
