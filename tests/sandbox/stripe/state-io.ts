import type { AccountRecord, SimState } from './state.ts';

/** The whole state as JSON (Maps and Sets as entry lists), so `npm start` can keep it across restarts. */
export function serializeState(state: SimState): string {
  return JSON.stringify({
    version: 1,
    ...state,
    objects: [...state.objects],
    accounts: [...state.accounts].map(([id, r]) => [id, { ...r, balances: [...r.balances] }]),
    cards: [...state.cards],
    deletedCustomers: [...state.deletedCustomers],
    idempotency: [...state.idempotency],
    endpoints: [...state.endpoints],
    oauthCodes: [...state.oauthCodes],
    oauthClients: [...state.oauthClients],
    accessTokens: [...state.accessTokens],
    refreshTokens: [...state.refreshTokens],
    oauthSessions: [...state.oauthSessions],
  });
}

type Saved = Omit<
  SimState,
  | 'objects'
  | 'accounts'
  | 'cards'
  | 'deletedCustomers'
  | 'idempotency'
  | 'endpoints'
  | 'oauthCodes'
  | 'oauthClients'
  | 'accessTokens'
  | 'refreshTokens'
  | 'oauthSessions'
> & {
  version: number;
  objects: [string, SimState['objects'] extends Map<string, infer V> ? V : never][];
  accounts: [
    string,
    Omit<AccountRecord, 'balances'> & { balances: [string, { available: number; pending: number }][] },
  ][];
  cards: [string, SimState['cards'] extends Map<string, infer V> ? V : never][];
  deletedCustomers: string[];
  idempotency: [string, SimState['idempotency'] extends Map<string, infer V> ? V : never][];
  endpoints: [string, SimState['endpoints'] extends Map<string, infer V> ? V : never][];
  oauthCodes: [string, SimState['oauthCodes'] extends Map<string, infer V> ? V : never][];
  oauthClients?: [string, SimState['oauthClients'] extends Map<string, infer V> ? V : never][];
  liveKey?: string | null;
  accessTokens: [string, string][];
  refreshTokens: [string, string][];
  oauthSessions: [string, SimState['oauthSessions'] extends Map<string, infer V> ? V : never][];
};

export function deserializeState(json: string): SimState {
  const saved = JSON.parse(json) as Saved;
  if (saved.version !== 1) throw new Error(`unsupported simulator state version ${String(saved.version)}`);
  return {
    clockOffset: saved.clockOffset,
    objects: new Map(saved.objects),
    accounts: new Map(saved.accounts.map(([id, r]) => [id, { ...r, balances: new Map(r.balances) }])),
    cards: new Map(saved.cards),
    deletedCustomers: new Set(saved.deletedCustomers),
    idempotency: new Map(saved.idempotency),
    endpoints: new Map(saved.endpoints),
    deliveries: saved.deliveries,
    webhooks: saved.webhooks,
    oauthCodes: new Map(saved.oauthCodes),
    oauthClients: new Map(saved.oauthClients ?? []),
    liveKey: saved.liveKey ?? null,
    accessTokens: new Map(saved.accessTokens),
    refreshTokens: new Map(saved.refreshTokens),
    oauthSessions: new Map(saved.oauthSessions),
    faults: saved.faults,
    timers: saved.timers,
  };
}
