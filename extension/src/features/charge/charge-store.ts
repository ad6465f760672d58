import type { Replies } from '../../background/messages';
import type { StripeFailure } from '../../background/protocol';
import { readInvoice, type InvoiceOnPage } from '../../site/invoice';
import { askBackground } from '../../utils/ask-background';
import { checkAmount, type AmountCheck } from './charge-amount';

// What the invoice page's Stripe controls share: the invoice as the page shows it, the connection,
// the card on file and history, the amount typed, and where the current Confirm stands. One store
// per document; the charge-* features read and write it, each on its own: the store loads itself on
// first use, so no feature depends on another having started.

export type Flight =
  | { kind: 'idle' }
  | { kind: 'charging' }
  | { kind: 'editing-card' }
  | { kind: 'failed'; message: string; canRetry: boolean }
  | { kind: 'waiting'; authenticationUrl: string | null }
  | { kind: 'recording'; message: string };

export interface ChargeState {
  invoice: InvoiceOnPage | null;
  /** null while asking the background. */
  account: Replies['account:status'] | StripeFailure | null;
  stripe: Replies['charges:list'] | null;
  amountText: string;
  flight: Flight;
  /** Why the last Add card / Edit did not finish. */
  cardProblem: string | null;
  /** What the history is doing about a payment Stripe took but the site does not show yet. */
  historyNote: string | null;
}

export interface ChargeStore {
  get(): ChargeState;
  set(patch: Partial<ChargeState>): void;
  subscribe(listener: (state: ChargeState) => void): () => void;
}

const stores = new WeakMap<Document, ChargeStore>();

export function chargeStore(doc: Document): ChargeStore {
  const known = stores.get(doc);
  if (known) return known;
  let state: ChargeState = {
    invoice: null,
    account: null,
    stripe: null,
    amountText: '',
    flight: { kind: 'idle' },
    cardProblem: null,
    historyNote: null,
  };
  const listeners = new Set<(state: ChargeState) => void>();
  const store: ChargeStore = {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  stores.set(doc, store);
  // After the features' synchronous start: unless a feature loaded it meanwhile (the Stripe field
  // does, and changes the state), the store loads itself.
  const initial = state;
  queueMicrotask(() => {
    if (state === initial) void loadStripeState(store, readInvoice(doc));
  });
  return store;
}

/** The state a panel draws; the panels are drawn again on every change by charge-mount.tsx (no hooks in content scripts). */
export function useChargeState(store: ChargeStore): ChargeState {
  return store.get();
}

/** A background answer that is not the happy one, as the sentence to show. */
export function failureText(reply: { ok: false; message?: string; error?: { message: string } }): string {
  return reply.error?.message ?? reply.message ?? 'Something went wrong.';
}

/** Asks again for the connection and the invoice's Stripe state (after a customer change, a card edit, a charge). */
export async function loadStripeState(store: ChargeStore, invoice: InvoiceOnPage | null): Promise<void> {
  store.set({ invoice });
  const [account, stripe] = await Promise.all([
    askBackground({ type: 'account:status' }),
    invoice
      ? askBackground({ type: 'charges:list', invoiceNumber: invoice.number, customerId: invoice.customer.id })
      : Promise.resolve(null),
  ]);
  if (store.get().invoice !== invoice) return;
  store.set({
    account: account.ok ? account : { ok: false, code: 'internal', message: failureText(account) },
    stripe: stripe && (stripe.ok ? stripe : { ok: false, code: 'internal', message: failureText(stripe) }),
  });
}

/** Whether Confirm should charge, and if not, why the Stripe field says no. */
export function amountCheckOf(state: ChargeState): AmountCheck {
  const { account, invoice } = state;
  if (!account) return { kind: 'disabled', reason: 'Checking your Stripe connection…' };
  if (!account.ok) return { kind: 'disabled', reason: account.message };
  if (account.state !== 'connected') {
    return {
      kind: 'disabled',
      reason:
        account.state === 'never'
          ? 'Stripe is not connected yet. Connect your Stripe account in Stripe Settings (Account tab).'
          : 'Stripe disconnected — reconnect in Stripe Settings.',
    };
  }
  if (!invoice) return { kind: 'disabled', reason: 'Choose the customer first.' };
  return checkAmount(state.amountText, {
    balanceDueMinor: invoice.balanceDueCents,
    invoiceCurrency: invoice.currency,
    accountCurrency: account.account?.currency ?? invoice.currency,
  });
}
