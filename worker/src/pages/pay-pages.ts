import type Stripe from 'stripe';
import type { InvoiceDetails } from '../../../shared/api';
import { formatMinor } from '../../../shared/money';
import { html, page, type SafeHtml } from './html';

// What the customer sees of the invoice on the pay page, and the receipt once it is paid. Built
// from what the consultant's extension sent with the link and from Stripe's own PaymentIntent.

const BRAND: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
  eftpos_au: 'eftpos',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/** "December 2, 2026": dates on these pages are for people, in UTC like Stripe's receipts. */
function longDate(ms: number): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(ms));
}

/** The business the customer is paying, as a small line above the page's heading. */
export function businessLine(name: string | null): SafeHtml {
  return name ? html`<p class="biz" data-testid="page-business">${name}</p>` : html``;
}

/** Invoice number and date, then its lines, for the customer to recognise what they pay for. */
export function invoiceSummary(number: string, details: InvoiceDetails | null, currency: string): SafeHtml {
  const date = details ? longDate(Date.parse(`${details.date}T00:00:00Z`)) : null;
  const lines = details?.lines ?? [];
  const rows = lines.map(
    (l) =>
      html`<tr><td>${l.description}</td><td class="num">${l.quantity}</td><td class="num">${formatMinor(l.amountMinor, currency)}</td></tr>`,
  );
  return html`<dl class="facts" data-testid="pay-invoice">
<div><dt>Invoice</dt><dd data-testid="pay-invoice-number">${number}</dd></div>
${date ? html`<div><dt>Invoice date</dt><dd data-testid="pay-invoice-date">${date}</dd></div>` : html``}
</dl>
${
  lines.length > 0
    ? html`<table class="lines" data-testid="pay-invoice-lines"><thead><tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Amount</th></tr></thead><tbody>${rows}</tbody></table>`
    : html``
}`;
}

/** The card that paid, from the PaymentIntent's latest charge (expanded). */
function cardOf(intent: Stripe.PaymentIntent): string | null {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const card = charge?.payment_method_details?.card;
  if (!card?.last4) return null;
  return `${BRAND[card.brand ?? ''] ?? 'Card'} •••• ${card.last4}`;
}

/**
 * The receipt the pay page becomes once Stripe has the payment: amount, card, a reference the
 * customer can quote (Stripe's receipt number when it has sent one, else the payment's own), date.
 */
export function receiptPage(
  business: string | null,
  number: string,
  intent: Stripe.PaymentIntent,
  details: InvoiceDetails | null,
): string {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const card = cardOf(intent);
  const reference = charge?.receipt_number ?? intent.id.replace(/^pi_/, '').slice(-12).toUpperCase();
  const paidAt = (charge?.created ?? intent.created) * 1000;
  const processing = intent.status === 'processing';
  return page(
    processing ? 'Payment processing' : 'Payment receipt',
    html`${businessLine(business)}
<h1 class="ok" data-testid="card-done">${processing ? 'Your payment is processing' : 'Payment received — thank you'}</h1>
<dl class="facts receipt" data-testid="pay-receipt">
<div><dt>Amount paid</dt><dd data-testid="receipt-amount">${formatMinor(intent.amount, intent.currency)}</dd></div>
${card ? html`<div><dt>Card</dt><dd data-testid="receipt-card">${card}</dd></div>` : html``}
<div><dt>Reference</dt><dd data-testid="receipt-reference">${reference}</dd></div>
<div><dt>Paid on</dt><dd data-testid="receipt-date">${longDate(paidAt)}</dd></div>
</dl>
${invoiceSummary(number, details, intent.currency)}
<p class="muted">${
      intent.receipt_email
        ? 'Stripe emails a receipt to the address your consultant has for you. '
        : 'Keep this page or note the reference for your records. '
    }You can close this page.</p>`,
  );
}
