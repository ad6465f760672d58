import Stripe from 'stripe';

/** Stripe could not be reached or answered with its own failure: the outcome of a call is unknown. */
export function isStripeUnavailable(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError;
}

export function isInvalidGrant(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidGrantError;
}

/**
 * OAuth said the platform has no access to the account (already deauthorized). `invalid_client` is
 * also Stripe's answer to a client id it does not know — a misconfiguration, not a disconnection.
 */
export function isAlreadyDeauthorized(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeInvalidClientError) return /not connected/i.test(error.message);
  return error instanceof Stripe.errors.StripePermissionError;
}

export const DISCONNECTED_SENTENCE = 'Stripe disconnected — reconnect in Stripe Settings. Nothing was charged or refunded.';

/**
 * Stripe no longer lets the platform act for the account (401 `account_invalid`, or a permission
 * error). A wrong platform key is also a 401, but without that code: it stays a server error.
 */
export function isAccessRevoked(error: unknown): boolean {
  return (error instanceof Stripe.errors.StripeAuthenticationError && error.code === 'account_invalid') || error instanceof Stripe.errors.StripePermissionError;
}
