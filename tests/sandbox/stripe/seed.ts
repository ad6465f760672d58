import type { Account } from './models.ts';
import type { AccountRecord, SimState } from './state.ts';

/** Test-mode (development) OAuth client id of the project's Connect platform. */
export const SANDBOX_CLIENT_ID = 'ca_sandboxqtbridge';

/** Redirect URIs registered for SANDBOX_CLIENT_ID at seed time (the worker on its default port); add more with /_sim/oauth/clients. */
const SANDBOX_REDIRECT_URIS: readonly string[] = [
  'http://127.0.0.1:8787/connect/callback',
  'http://localhost:8787/connect/callback',
];

/** The platform that owns the `sk_test_…` key every request authenticates with. */
export const PLATFORM_ACCOUNT = {
  id: 'acct_1SbxQtBridgePlatf',
  businessName: 'QT Stripe Bridge (sandbox platform)',
} as const;

/** The consultant who signs in on the sandbox's Stripe OAuth page. */
export const SANDBOX_LOGIN = { email: 'jane@example.com', password: 'sandbox-password' } as const;

export interface SeededAccount {
  id: string;
  businessName: string;
  email: string;
  publishableKey: string;
  /** Controlled by another platform (MK "My Shop"): OAuth refuses to connect it. */
  controlledElsewhere: boolean;
}

export const JANES_BEAUTY_STUDIO: SeededAccount = {
  id: 'acct_1SbxJaneBeautyStu',
  businessName: "Jane's Beauty Studio",
  email: SANDBOX_LOGIN.email,
  publishableKey: 'pk_test_sbxJaneBeautyStudio',
  controlledElsewhere: false,
};

export const JANE_DOE_CONSULTING: SeededAccount = {
  id: 'acct_1SbxJaneDoeConsul',
  businessName: 'Jane Doe Consulting',
  email: SANDBOX_LOGIN.email,
  publishableKey: 'pk_test_sbxJaneDoeConsulting',
  controlledElsewhere: false,
};

export const MK_MY_SHOP: SeededAccount = {
  id: 'acct_1SbxMkMyShop00000',
  businessName: 'MK My Shop',
  email: SANDBOX_LOGIN.email,
  publishableKey: 'pk_test_sbxMkMyShop',
  controlledElsewhere: true,
};

const SEEDED_ACCOUNTS: readonly SeededAccount[] = [JANES_BEAUTY_STUDIO, JANE_DOE_CONSULTING, MK_MY_SHOP];

/** Seeded accounts start with this much available, so refunds right after a charge can succeed. */
const SEEDED_AVAILABLE_USD = 100_000;

const PLATFORM_PUBLISHABLE_KEY = 'pk_test_sbxQtBridgePlatform';

export function accountObject(id: string, businessName: string | null, email: string | null, created: number): Account {
  return {
    id,
    object: 'account',
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      monthly_estimated_revenue: { amount: 0, currency: 'usd' },
      name: businessName,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: email,
      support_phone: null,
      support_url: null,
      url: null,
    },
    charges_enabled: true,
    controller: { type: 'account' },
    country: 'US',
    created,
    default_currency: 'usd',
    details_submitted: true,
    email,
    metadata: {},
    payouts_enabled: true,
    settings: null,
    type: 'standard',
  };
}

export function accountRecord(account: Account, options: Partial<Omit<AccountRecord, 'account'>> = {}): AccountRecord {
  return {
    account,
    ownerEmail: null,
    controlledElsewhere: false,
    isPlatform: false,
    connected: false,
    publishableKey: `pk_test_${account.id.slice(5)}`,
    balances: new Map(),
    ...options,
  };
}

export function seedState(state: SimState, now: number): void {
  state.oauthClients.set(SANDBOX_CLIENT_ID, {
    id: SANDBOX_CLIENT_ID,
    livemode: false,
    redirectUris: [...SANDBOX_REDIRECT_URIS],
  });
  state.accounts.set(
    PLATFORM_ACCOUNT.id,
    accountRecord(accountObject(PLATFORM_ACCOUNT.id, PLATFORM_ACCOUNT.businessName, null, now), {
      isPlatform: true,
      connected: true,
      publishableKey: PLATFORM_PUBLISHABLE_KEY,
      balances: new Map([['usd', { available: SEEDED_AVAILABLE_USD, pending: 0 }]]),
    }),
  );
  for (const seeded of SEEDED_ACCOUNTS) {
    const record = accountRecord(accountObject(seeded.id, seeded.businessName, seeded.email, now), {
      ownerEmail: seeded.email,
      controlledElsewhere: seeded.controlledElsewhere,
      publishableKey: seeded.publishableKey,
      balances: new Map([['usd', { available: SEEDED_AVAILABLE_USD, pending: 0 }]]),
    });
    if (seeded.controlledElsewhere) record.account.controller = { type: 'application', is_controller: false };
    state.accounts.set(seeded.id, record);
  }
}
