import { env, SELF } from 'cloudflare:test';
import Stripe from 'stripe';
import { randomSecret, hashSecret } from '../../worker/src/crypto';

export const BASE = 'http://worker.test';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A connected account with a live consultant token, written straight to D1. */
export async function fakeConnectedAccount(
  overrides: { id?: string; businessName?: string; status?: 'connected' | 'disconnected' } = {},
) {
  const id = overrides.id ?? `acct_test${unique()}`;
  const token = randomSecret('qtsb_');
  const tokenId = `tok_${unique()}`;
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO accounts (id, business_name, livemode, default_currency, status, connected_at) VALUES (?, ?, 0, ?, ?, ?)',
    ).bind(id, overrides.businessName ?? 'Test Beauty Studio', 'usd', overrides.status ?? 'connected', now),
    env.DB.prepare('INSERT INTO consultant_tokens (id, token_hash, account_id, created_at) VALUES (?, ?, ?, ?)').bind(
      tokenId,
      await hashSecret(token),
      id,
      now,
    ),
  ]);
  return { id, token, tokenId, auth: { authorization: `Bearer ${token}` } };
}

/** An event body signed the way Stripe signs, with the worker's test secret. */
export async function signedEvent(
  event: { id?: string; type: string; account?: string; data?: object },
  { signedAt = Math.floor(Date.now() / 1000) } = {},
) {
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
  const header = await stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: env.STRIPE_WEBHOOK_SECRET,
    timestamp: signedAt,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return { payload, header };
}

export function postEvent(payload: string, signature: string) {
  return SELF.fetch(`${BASE}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
    body: payload,
  });
}

export interface FakeInvoice {
  number: string;
  kind: 'normal_sale' | 'return_exchange';
  totalMinor: number;
  balanceDueMinor: number;
  currency: string;
  customer: { id: string; name: string; email: string | null };
}

/** An invoice as the extension reads it from the site; each call a new number and customer. */
export function fakeInvoice(
  overrides: Partial<Omit<FakeInvoice, 'customer'>> & { customer?: FakeInvoice['customer'] } = {},
): FakeInvoice {
  const id = unique();
  const totalMinor = overrides.totalMinor ?? 5000;
  return {
    number: overrides.number ?? `9${id}`.slice(0, 16),
    kind: overrides.kind ?? 'normal_sale',
    totalMinor,
    balanceDueMinor: overrides.balanceDueMinor ?? totalMinor,
    currency: overrides.currency ?? 'usd',
    customer: overrides.customer ?? { id: `cust${id}`, name: `Customer ${id}`, email: `customer${id}@example.com` },
  };
}

export const newAttemptId = () => `attempt_${crypto.randomUUID()}`;

export interface ApiReply<T> {
  status: number;
  body: T & { error?: { code: string; message: string } };
}

/** A JSON call to the worker's /api with a consultant's token, as the extension's background makes it. */
export async function api<T>(
  auth: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiReply<T>> {
  const res = await SELF.fetch(`${BASE}/api${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ApiReply<T>['body'] };
}

/** A second browser of the same consultant: another token on the same account. */
export async function secondBrowser(accountId: string) {
  const token = randomSecret('qtsb_');
  const tokenId = `tok_${unique()}`;
  await env.DB.prepare('INSERT INTO consultant_tokens (id, token_hash, account_id, created_at) VALUES (?, ?, ?, ?)')
    .bind(tokenId, await hashSecret(token), accountId, Date.now())
    .run();
  return { token, tokenId, auth: { authorization: `Bearer ${token}` } };
}
