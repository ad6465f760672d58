import type { TestCard } from './cards.ts';
import type { Account, ApiObject, ObjectKind, WebhookEndpoint } from './models.ts';

export interface BalanceAmounts {
  available: number;
  pending: number;
}

export interface AccountRecord {
  account: Account;
  /** Sandbox user who owns it (may sign in on the OAuth page); null for accounts made by API. */
  ownerEmail: string | null;
  /** Another platform controls it (MK "My Shop"): OAuth refuses to connect it. */
  controlledElsewhere: boolean;
  isPlatform: boolean;
  /** Our platform may act on it with `Stripe-Account`. */
  connected: boolean;
  publishableKey: string;
  balances: Map<string, BalanceAmounts>;
}

/** What the simulator knows about a card behind a PaymentMethod (never returned by the API). */
export interface CardBehaviour {
  testCard: TestCard | null;
  /** Stripe refuses a live card number in test mode. */
  liveCard: boolean;
  /** Set up for off-session use (a SetupIntent or PaymentIntent with setup_future_usage succeeded). */
  setUpForOffSession: boolean;
  /** Used once without a Customer: Stripe forbids reusing it. */
  consumed: boolean;
}

interface StoredObject {
  account: string;
  data: ApiObject;
}

interface IdempotencyRecord {
  /** Simulator time (unix s) the result was saved; Stripe prunes keys 24 hours later. */
  savedAt: number;
  fingerprint: string;
  status: number;
  body: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** Simulator time (unix s) at which the next attempt is due; null when finished. */
  nextAttemptAt: number | null;
  attempts: { at: number; status: number | null; error?: string }[];
  state: 'pending' | 'held' | 'delivered' | 'failed';
}

export interface RegisteredEndpoint {
  /** A live endpoint; a live Connect endpoint also hears test-mode events of its connected accounts. */
  livemode: boolean;
  endpoint: WebhookEndpoint;
  secret: string;
  connect: boolean;
}

/** A Connect platform's OAuth settings as the Dashboard holds them: one client id per mode. */
interface OAuthClient {
  id: string;
  /** Live-mode (production) client id; test-mode (development) ids connect accounts in test mode. */
  livemode: boolean;
  /** Exact URIs Stripe may redirect to; the first is used when a request names none. */
  redirectUris: string[];
}

interface OAuthCode {
  livemode: boolean;
  code: string;
  accountId: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export interface OAuthSession {
  id: string;
  email: string;
}

/**
 * error_500: fails before the endpoint runs (nothing saved); error_500_saved: the endpoint started and
 * failed, so Stripe saves the 500 for the request's Idempotency-Key and replays it.
 */
export type FaultMode = 'error_500' | 'error_500_saved' | 'hang' | 'drop_after_commit';

interface Fault {
  mode: FaultMode;
  remaining: number;
  path?: string;
}

/** Something due later on the simulator clock; plain data so state can be saved to a file. */
export interface Timer {
  at: number;
  kind: 'settle_charge' | 'fail_refund' | 'capture_charge';
  account: string;
  /** The balance transaction, refund or charge it concerns. */
  id: string;
}

export interface SimState {
  clockOffset: number;
  objects: Map<string, StoredObject>;
  accounts: Map<string, AccountRecord>;
  cards: Map<string, CardBehaviour>;
  deletedCustomers: Set<string>;
  idempotency: Map<string, IdempotencyRecord>;
  endpoints: Map<string, RegisteredEndpoint>;
  deliveries: Delivery[];
  webhooks: { held: boolean; duplicateNext: number };
  oauthClients: Map<string, OAuthClient>;
  /** The platform's live secret key (`sk_live_…`), once registered by `/_sim/live_key`; others are refused. */
  liveKey: string | null;
  oauthCodes: Map<string, OAuthCode>;
  /** OAuth access tokens (`sk_test_…`) → the connected account they act as. */
  accessTokens: Map<string, string>;
  refreshTokens: Map<string, string>;
  oauthSessions: Map<string, OAuthSession>;
  faults: Fault[];
  timers: Timer[];
}

export function emptyState(): SimState {
  return {
    clockOffset: 0,
    objects: new Map(),
    accounts: new Map(),
    cards: new Map(),
    deletedCustomers: new Set(),
    idempotency: new Map(),
    endpoints: new Map(),
    deliveries: [],
    webhooks: { held: false, duplicateNext: 0 },
    oauthClients: new Map(),
    liveKey: null,
    oauthCodes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    oauthSessions: new Map(),
    faults: [],
    timers: [],
  };
}

export type ObjectOf<K extends ObjectKind> = Extract<ApiObject, { object: K }>;

export function putObject(state: SimState, account: string, data: ApiObject): void {
  state.objects.set(data.id, { account, data });
}

/** An object of `kind` owned by `account`; objects of other accounts are invisible (as on Stripe). */
export function findObject<K extends ObjectKind>(
  state: SimState,
  account: string,
  id: string,
  kind: K,
): ObjectOf<K> | undefined {
  const stored = state.objects.get(id);
  if (!stored || stored.account !== account || stored.data.object !== kind) return undefined;
  return stored.data as ObjectOf<K>;
}

/** Newest first, like Stripe's list endpoints. */
export function listObjects<K extends ObjectKind>(
  state: SimState,
  account: string,
  kind: K,
  keep: (o: ObjectOf<K>) => boolean = () => true,
): ObjectOf<K>[] {
  const out: ObjectOf<K>[] = [];
  for (const stored of state.objects.values()) {
    if (stored.account === account && stored.data.object === kind && keep(stored.data as ObjectOf<K>))
      out.push(stored.data as ObjectOf<K>);
  }
  return out.reverse();
}

export function balanceFor(record: AccountRecord, currency: string): BalanceAmounts {
  let amounts = record.balances.get(currency);
  if (!amounts) {
    amounts = { available: 0, pending: 0 };
    record.balances.set(currency, amounts);
  }
  return amounts;
}
