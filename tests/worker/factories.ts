import { env, SELF } from 'cloudflare:test';
import Stripe from 'stripe';
import { randomSecret, hashSecret } from '../../worker/src/crypto';

export const BASE = 'http://worker.test';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A connected account with a live consultant token, written straight to D1. */
export async function fakeConnectedAccount(overrides: { id?: string; businessName?: string; status?: 'connected' | 'disconnected' } = {}) {
  const id = overrides.id ?? `acct_test${unique()}`;
  const token = randomSecret('qtsb_');
  const tokenId = `tok_${unique()}`;
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare('INSERT INTO accounts (id, business_name, livemode, default_currency, status, connected_at) VALUES (?, ?, 0, ?, ?, ?)').bind(
      id,
      overrides.businessName ?? 'Test Beauty Studio',
      'usd',
      overrides.status ?? 'connected',
      now,
    ),
    env.DB.prepare('INSERT INTO consultant_tokens (id, token_hash, account_id, created_at) VALUES (?, ?, ?, ?)').bind(tokenId, await hashSecret(token), id, now),
  ]);
  return { id, token, tokenId, auth: { authorization: `Bearer ${token}` } };
}

/** An event body signed the way Stripe signs, with the worker's test secret. */
export async function signedEvent(event: { id?: string; type: string; account?: string; data?: object }) {
  const payload = JSON.stringify({
    id: event.id ?? `evt_${unique()}`,
    object: 'event',
    api_version: '2024-04-10',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: event.type,
    account: event.account,
    data: event.data ?? { object: {} },
  });
  const stripe = new Stripe('sk_test_factories', { httpClient: Stripe.createFetchHttpClient() });
  const header = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: env.STRIPE_WEBHOOK_SECRET, cryptoProvider: Stripe.createSubtleCryptoProvider() });
  return { payload, header };
}

export function postEvent(payload: string, signature: string) {
  return SELF.fetch(`${BASE}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: payload });
}
