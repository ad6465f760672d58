import type { PaymentSummary } from '../../../shared/api';

// Its own file because the invoice page (charge, history) and the invoice lists (refunds) both
// write it: importing it from a feature file would load that feature on the lists as well.

/** How the site's Other Payment note names a Stripe payment; the history feature finds it by the PaymentIntent id. */
export function stripeNote(payment: PaymentSummary): string {
  const card = payment.card
    ? `${payment.card.brand.charAt(0).toUpperCase()}${payment.card.brand.slice(1)} ••••${payment.card.last4} `
    : '';
  return `Stripe ${card}${payment.paymentIntentId ?? payment.id}`;
}
