import type { InvoiceStripeStatus } from '../../../../shared/api';
import type { REFUND_REASONS } from '../../../../shared/statuses';
import { formatMinor } from '../../../../shared/money';
import { cardName } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import { siteDateText } from '../../site/lists';

// The sentences of the list's refund controls, in one place so the dialog and the row agree.

export type RefundReason = (typeof REFUND_REASONS)[number];

const REASON_WORDS = {
  requested_by_customer: 'refund.reasonRequestedByCustomer',
  duplicate: 'refund.reasonDuplicate',
  fraudulent: 'refund.reasonFraudulent',
} as const satisfies Record<RefundReason, string>;

/** The reasons Stripe takes, in the order the dialog lists them. */
export const REFUND_REASON_CHOICES = Object.keys(REASON_WORDS) as RefundReason[];

export function reasonLabel(reason: RefundReason): string {
  return i18n.t(REASON_WORDS[reason]);
}

/** "Visa •••• 4242", or "the card" when the payments were made with no card or several. */
export function cardLabel(card: InvoiceStripeStatus['card']): string {
  return card ? cardName(card) : i18n.t('refund.theCard');
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

/** The values of "… shows $46.29 paid and $10.00 due, in Unpaid Invoices": paid, due, the list. */
function whereItShows(site: SiteAmounts, currency: string): [string, string, string] {
  const list = i18n.t(site.balanceMinor > 0 ? 'refund.unpaidList' : 'refund.paidList');
  return [formatMinor(site.paidMinor, currency), formatMinor(site.balanceMinor, currency), list];
}

/** "Afterwards invoice 1050 shows $46.29 paid and $10.00 due, in Unpaid Invoices." */
export function afterwardsSentence(number: string, after: SiteAmounts, currency: string): string {
  return i18n.t('refund.afterwards', [number, ...whereItShows(after, currency)]);
}

/** "Invoice 1050 now shows $46.29 paid and $10.00 due, in Unpaid Invoices." */
export function nowSentence(number: string, now: SiteAmounts, currency: string): string {
  return i18n.t('refund.now', [number, ...whereItShows(now, currency)]);
}

/** "Refunded $10.00 of $56.29 on 12/02/2026 to Visa •••• 4242" — what the red marker tells. */
export function refundedDetails(status: InvoiceStripeStatus): string {
  const refunded = formatMinor(status.refundedMinor, status.currency);
  const charged = formatMinor(status.chargedMinor, status.currency);
  const card = cardLabel(status.card);
  return status.lastRefundAt === null
    ? i18n.t('refund.refundedOf', [refunded, charged, card])
    : i18n.t('refund.refundedOfOn', [refunded, charged, siteDateText(status.lastRefundAt), card]);
}
