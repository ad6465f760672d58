import { authenticationError, StripeApiError } from './errors.ts';
import type { Sim } from './sim.ts';

export interface Caller {
  account: string;
  publishable: boolean;
  livemode: boolean;
}

function mask(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}

/** The key of a `Bearer` or `Basic` (key as the user name, as `curl -u sk_test_…:`) Authorization header. */
export function bearerKey(header: string | null): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') return atob(value.trim()).split(':')[0] ?? null;
  return null;
}

/** Any `sk_test_…` (and the registered `sk_live_…`) is the platform's key; an OAuth access token acts as its account; `pk_test_…` only for Stripe.js calls. */
export function authenticate(sim: Sim, request: Request): Caller {
  const key = bearerKey(request.headers.get('authorization'));
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  let caller: Caller;
  const tokenAccount = sim.state.accessTokens.get(key);
  if (tokenAccount) {
    caller = { account: tokenAccount, publishable: false, livemode: key.startsWith('sk_live_') };
  } else if (key.startsWith('sk_test_') && key.length > 8) {
    caller = { account: sim.platformId, publishable: false, livemode: false };
  } else if (sim.state.liveKey !== null && key === sim.state.liveKey) {
    caller = { account: sim.platformId, publishable: false, livemode: true };
  } else if (key.startsWith('pk_test_') && key.length > 8) {
    const owner = [...sim.state.accounts.values()].find((r) => r.publishableKey === key);
    caller = { account: owner ? owner.account.id : sim.platformId, publishable: true, livemode: false };
  } else {
    throw authenticationError(`Invalid API Key provided: ${mask(key)}`);
  }
  const target = request.headers.get('stripe-account');
  if (target && target !== caller.account) {
    const record = sim.state.accounts.get(target);
    const reachable = caller.account === sim.platformId && record !== undefined && record.connected;
    if (!reachable) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        code: 'account_invalid',
        message: `The provided key '${mask(key)}' does not have access to account '${target}' (or that account does not exist). Application access may have been revoked.`,
      });
    }
    caller = { ...caller, account: target };
  }
  return caller;
}

export const PUBLISHABLE_FORBIDDEN = (): StripeApiError =>
  authenticationError(
    'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
  );
