import type { CardSummary, PaymentSummary, SiteCustomer, SiteInvoice } from '../../../shared/api';

// The invoice page's Stripe messages: types only, so the content script can import them without
// zod. Merged into the one surface in messages.ts.

export interface ChargeMessages {
  /** The invoice's Stripe history and the customer's card on file. */
  'charges:list': { type: 'charges:list'; invoiceNumber: string; customerId: string };
  /** Confirm: charge the card on file (the background picks and keeps the attempt id). */
  'charges:create': { type: 'charges:create'; invoice: SiteInvoice; amountMinor: number };
  /** The payment is now written into the site's own form. */
  'charges:recorded': { type: 'charges:recorded'; paymentId: string };
  /** Add card / Edit: opens the card page; answers once its window is gone, with the new state. */
  'cards:edit': { type: 'cards:edit'; invoiceNumber: string; customer: SiteCustomer };
}

export interface InvoiceStripeReply {
  ok: true;
  payments: PaymentSummary[];
  card: CardSummary | null;
}

/** The worker (or the way to it) refused or failed; `message` is the sentence to show. */
export interface StripeFailure {
  ok: false;
  code: string;
  message: string;
}

/**
 * `ok` with the payment (succeeded, requires_action or unknown), or why not. `canRetry`: the outcome
 * is not known, so "Check again" asks about the same attempt.
 */
export type ChargeReply =
  | { ok: true; payment: PaymentSummary }
  | (StripeFailure & { payment: PaymentSummary | null; canRetry: boolean });

export interface ChargeReplies {
  'charges:list': InvoiceStripeReply | StripeFailure;
  'charges:create': ChargeReply;
  'charges:recorded': { ok: true } | StripeFailure;
  'cards:edit': InvoiceStripeReply | StripeFailure;
}
