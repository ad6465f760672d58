import { stripeErrors } from './client';

/** Stripe could not be reached or answered with its own failure: the outcome of a call is unknown. */
export function isStripeUnavailable(error: unknown): boolean {
  return (
    error instanceof stripeErrors().StripeConnectionError ||
    error instanceof stripeErrors().StripeAPIError ||
    error instanceof stripeErrors().StripeRateLimitError
  );
}

export function isInvalidGrant(error: unknown): boolean {
  return error instanceof stripeErrors().StripeInvalidGrantError;
}

/**
 * OAuth said the platform has no access to the account (already deauthorized). `invalid_client` is
 * also Stripe's answer to a client id it does not know — a misconfiguration, not a disconnection.
 */
export function isAlreadyDeauthorized(error: unknown): boolean {
  if (error instanceof stripeErrors().StripeInvalidClientError) return /not connected/i.test(error.message);
  return error instanceof stripeErrors().StripePermissionError;
}

export const DISCONNECTED_SENTENCE =
  'Stripe disconnected — reconnect in Stripe Settings. Nothing was charged or refunded.';

/**
 * Stripe no longer lets the platform act for the account (401 `account_invalid`, or a permission
 * error). A wrong platform key is also a 401, but without that code: it stays a server error.
 */
export function isAccessRevoked(error: unknown): boolean {
  return (
    (error instanceof stripeErrors().StripeAuthenticationError && error.code === 'account_invalid') ||
    error instanceof stripeErrors().StripePermissionError
  );
}
