import type { InvoiceStripeStatus, RefundSummary } from '../../../shared/api';
import type { StripeFailure } from './charges-messages';

// The invoice lists' Stripe messages: types only, so the content script can import them without
// zod. Merged into the one surface in messages.ts.

export interface RefundMessages {
  /** Arrows for every row of a list, in one request. */
  'refunds:status': { type: 'refunds:status'; numbers: string[] };
  /** Refund: the background picks the attempt id and keeps it until the worker settles it. */
  'refunds:create': { type: 'refunds:create'; invoiceNumber: string; kind: 'normal_sale' | 'return_exchange'; amountMinor: number };
}

export interface InvoiceStatusReply {
  ok: true;
  invoices: InvoiceStripeStatus[];
}

/**
 * `ok`: Stripe took the refund (`pending` with the sentence when it waits for funds in the Stripe
 * balance). Otherwise why not; `canRetry`: the outcome is not known, so trying again asks about the
 * same refund and never refunds twice.
 */
export type RefundReply =
  | { ok: true; status: InvoiceStripeStatus; refunds: RefundSummary[]; pending: string | null }
  | (StripeFailure & { status: InvoiceStripeStatus | null; canRetry: boolean });

export interface RefundReplies {
  'refunds:status': InvoiceStatusReply | StripeFailure;
  'refunds:create': RefundReply;
}
