import type { InvoiceStripeStatus } from '../../../../shared/api';
import type { REFUND_REASONS } from '../../../../shared/statuses';
import { formatMinor } from '../../../../shared/money';
import { siteDateText } from '../../site/lists';

// The sentences of the list's refund controls, in one place so the dialog and the row agree.

export type RefundReason = (typeof REFUND_REASONS)[number];

export const REASON_LABELS: Record<RefundReason, string> = {
  requested_by_customer: 'Requested by the customer',
  duplicate: 'Duplicate payment',
  fraudulent: 'Fraudulent payment',
};

/** True to Stripe's pricing: a refund costs no fee, but the original payment's fee is not returned. */
export const FUNDS_AND_FEES =
  'Stripe charges no fee for a refund, but the processing fee of the original payment is not returned to you. Your Stripe balance must cover the refund; if it does not yet, Stripe sends the refund once it does.';

export const PENDING_SENTENCE = 'Stripe sends this refund once your Stripe balance covers it.';

export const RETURN_EXCHANGE =
  'Only Normal Sale invoices can be refunded to Stripe; this is a Return/Exchange invoice.';

const BRANDS: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/** "Visa •••• 4242", or "the card" when the payments were made with no card or several. */
export function cardLabel(card: InvoiceStripeStatus['card']): string {
  if (!card) return 'the card';
  const brand = BRANDS[card.brand] ?? card.brand.charAt(0).toUpperCase() + card.brand.slice(1);
  return `${brand} •••• ${card.last4}`;
}

/** What the site's invoice counts, as its list row shows it. */
export interface SiteAmounts {
  paidMinor: number;
  balanceMinor: number;
}

/** How the invoice reads on the site after refunding `amountMinor` (the Stripe payment is reduced by it). */
export function afterRefund(site: SiteAmounts, amountMinor: number): SiteAmounts {
  return { paidMinor: site.paidMinor - amountMinor, balanceMinor: site.balanceMinor + amountMinor };
}

function whereItShows(site: SiteAmounts, currency: string): string {
  const money = (minor: number) => formatMinor(minor, currency);
  const list = site.balanceMinor > 0 ? 'Unpaid Invoices' : 'Paid Invoices';
  return `${money(site.paidMinor)} paid and ${money(site.balanceMinor)} due, in ${list}`;
}

/** "Afterwards invoice 1050 shows $46.29 paid and $10.00 due, in Unpaid Invoices." */
export function afterwardsSentence(number: string, after: SiteAmounts, currency: string): string {
  return `Afterwards invoice ${number} shows ${whereItShows(after, currency)}.`;
}

/** "Invoice 1050 now shows $46.29 paid and $10.00 due, in Unpaid Invoices." */
export function nowSentence(number: string, now: SiteAmounts, currency: string): string {
  return `Invoice ${number} now shows ${whereItShows(now, currency)}.`;
}

/** "Refunded $10.00 of $56.29 on 12/02/2026" — what the red marker tells. */
export function refundedDetails(status: InvoiceStripeStatus): string {
  const money = (minor: number) => formatMinor(minor, status.currency);
  const day = status.lastRefundAt === null ? '' : ` on ${siteDateText(status.lastRefundAt)}`;
  return `Refunded ${money(status.refundedMinor)} of ${money(status.chargedMinor)}${day} to ${cardLabel(status.card)}`;
}
