import type { Replies } from '../../background/messages';
import type { StripeFailure } from '../../background/protocol';
import { findReviewStep, readInvoice, watchInvoiceForm, type InvoiceOnPage } from '../../site/invoice';
import { i18n } from '../../i18n';
import { askBackground } from '../../utils/ask-background';
import { checkAmount, type AmountCheck } from './charge-amount';

// What the invoice page's Stripe controls share: the invoice as the page shows it, the connection,
// the card on file and history, the amount typed, and where the current Confirm stands. One store
// per document; the charge-* features read and write it, each on its own: the store loads itself on
// first use, so no feature depends on another having started.

export type Flight =
  | { kind: 'idle' }
  /** A new invoice is being saved on the site before its card is charged. */
  | { kind: 'saving' }
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
  /** Raised each time the site's review opens: the red warning takes the focus once per raise. */
  warningFocusRequest: number;
}

export interface ChargeStore {
  get(): ChargeState;
  set(patch: Partial<ChargeState>): void;
  subscribe(listener: (state: ChargeState) => void): () => void;
}

const stores = new WeakMap<Document, ChargeStore>();
/** Stores whose Stripe state some feature has asked for already. */
const loading = new WeakSet<ChargeStore>();

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
    warningFocusRequest: 0,
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
  // does), the store loads itself.
  queueMicrotask(() => {
    if (!loading.has(store)) void loadStripeState(store, readInvoice(doc));
  });
  return store;
}

/** The state a panel draws; the panels are drawn again on every change by charge-mount.tsx (no hooks in content scripts). */
export function useChargeState(store: ChargeStore): ChargeState {
  return store.get();
}

/**
 * Whether a submit of the site's form is the review's Confirm with a Stripe amount typed: a Confirm
 * the Stripe step must handle (charge first), never one the site may save on its own.
 */
export function confirmsStripeAmount(doc: Document, state: ChargeState): boolean {
  return state.amountText.trim() !== '' && findReviewStep(doc)?.hidden === false;
}

/** A background answer that is not the happy one, as the sentence to show. */
export function failureText(reply: { ok: false; message?: string; error?: { message: string } }): string {
  return reply.error?.message ?? reply.message ?? i18n.t('charge.somethingWrong');
}

/** Asks again for the connection and the invoice's Stripe state (after a customer change, a card edit, a charge). */
export async function loadStripeState(store: ChargeStore, invoice: InvoiceOnPage | null): Promise<void> {
  loading.add(store);
  store.set({ invoice });
  const [account, stripe] = await Promise.all([
    askBackground({ type: 'account:status' }),
    invoice
      ? askBackground({ type: 'charges:list', invoiceNumber: invoice.number, customerId: invoice.customer.id })
      : Promise.resolve(null),
  ]);
  // The totals may have moved meanwhile; the answer still holds while it is the same invoice and customer.
  if (!sameInvoice(store.get().invoice, invoice)) return;
  store.set({
    account: account.ok ? account : { ok: false, code: 'internal', message: failureText(account) },
    stripe: stripe && (stripe.ok ? stripe : { ok: false, code: 'internal', message: failureText(stripe) }),
  });
}

function sameInvoice(a: InvoiceOnPage | null, b: InvoiceOnPage | null): boolean {
  return a?.number === b?.number && a?.customer.id === b?.customer.id;
}

function sameTotals(a: InvoiceOnPage | null, b: InvoiceOnPage | null): boolean {
  return (
    a?.totalCents === b?.totalCents &&
    a?.paidCents === b?.paidCents &&
    a?.balanceDueCents === b?.balanceDueCents &&
    a?.kind === b?.kind &&
    a?.currency === b?.currency
  );
}

/** Reads the invoice again now; asks the background again only when it is another invoice or customer. */
export function refreshInvoice(doc: Document, store: ChargeStore): void {
  const now = readInvoice(doc);
  const shown = store.get().invoice;
  if (!sameInvoice(now, shown)) void loadStripeState(store, now);
  else if (!sameTotals(now, shown)) store.set({ invoice: now });
}

/**
 * Follows the invoice as the site changes it: the customer picked, and the totals its own script
 * writes as the consultant types lines and payments. No polling: the form is observed.
 */
export function followInvoice(doc: Document, store: ChargeStore, signal: AbortSignal): void {
  watchInvoiceForm(doc, signal, () => refreshInvoice(doc, store));
}

/** Whether Confirm should charge, and if not, why the Stripe field says no. */
export function amountCheckOf(state: ChargeState): AmountCheck {
  const { account, invoice } = state;
  if (!account) return { kind: 'disabled', reason: i18n.t('charge.checkingConnection') };
  if (!account.ok) return { kind: 'disabled', reason: account.message };
  if (account.state !== 'connected') {
    return {
      kind: 'disabled',
      reason: account.state === 'never' ? i18n.t('charge.notConnected') : i18n.t('reconnect.sentence'),
    };
  }
  if (!invoice) return { kind: 'disabled', reason: i18n.t('charge.chooseCustomer') };
  return checkAmount(state.amountText, {
    balanceDueMinor: invoice.balanceDueCents,
    invoiceCurrency: invoice.currency,
    accountCurrency: account.account?.currency ?? invoice.currency,
  });
}
