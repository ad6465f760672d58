import { rememberConnection } from '../../extension/src/background/connect/account-state';
import type { BackgroundDeps, SenderInfo } from '../../extension/src/background/protocol';

// Small factories for background tests: who is sending, and what the background may reach.

export const EXTENSION_ID = 'stripe-bridge-test-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export function fakeDeps(overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  return {
    policy: {
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
      siteMatches: ['http://127.0.0.1/*', 'http://localhost/*'],
    },
    fetch: () => Promise.reject(new TypeError('no network in this test')),
    hasOriginAccess: () => Promise.resolve(true),
    ...overrides,
  };
}

export function optionsPage(): SenderInfo {
  return { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` };
}

export function contentScriptOn(url: string, overrides: Partial<SenderInfo> = {}): SenderInfo {
  return { id: EXTENSION_ID, url, tab: { id: 7 }, frameId: 0, ...overrides };
}

/** This browser connected to a test Stripe account, as after Connect: the background holds the token. */
export async function connectThisBrowser(): Promise<void> {
  await rememberConnection('qtsb_token_for_tests_0123456789', {
    id: 'acct_1',
    businessName: 'Jane',
    livemode: false,
    currency: 'usd',
    status: 'connected',
    stripeIsDefaultGateway: false,
  });
}
