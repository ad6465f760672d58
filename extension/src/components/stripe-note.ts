import type { PaymentSummary } from '../../../shared/api';
import { i18n } from '../i18n';

// Its own file because the invoice page (charge, history) and the invoice lists (refunds) both
// write and find it: importing it from a feature file would load that feature on the lists as well.

const BRANDS: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/** "Visa •••• 4242", as the consultant reads it on the card. */
export function cardName(card: { brand: string; last4: string }): string {
  const brand = BRANDS[card.brand] ?? card.brand.charAt(0).toUpperCase() + card.brand.slice(1);
  return `${brand} •••• ${card.last4}`;
}

/** The last 8 characters of the PaymentIntent id: enough to tell a payment from the invoice's others. */
function paymentRef(paymentIntentId: string): string {
  return paymentIntentId.slice(-8);
}

/**
 * How the site's Other Payment note names a Stripe payment: "Stripe — Visa •••• 4242 (ref 3kTq9ZxA)".
 * Notes written before carried the whole PaymentIntent id instead ("Stripe Visa ••••4242 pi_…").
 */
export function stripeNote(payment: PaymentSummary): string {
  const ref = paymentRef(payment.paymentIntentId ?? payment.id);
  return payment.card ? i18n.t('note.payment', [cardName(payment.card), ref]) : i18n.t('note.paymentNoCard', [ref]);
}

const isIdCharacter = (char: string | undefined) => char !== undefined && /[A-Za-z0-9_]/.test(char);

/**
 * Whether a site payment note names this PaymentIntent: by its whole id (notes of older versions) or by
 * its ref standing as a word of its own (whatever words the note's language puts around it).
 */
export function noteNamesPayment(note: string, paymentIntentId: string): boolean {
  if (paymentIntentId === '') return false;
  if (note.includes(paymentIntentId)) return true;
  const ref = paymentRef(paymentIntentId);
  for (let at = note.indexOf(ref); at !== -1; at = note.indexOf(ref, at + 1)) {
    if (!isIdCharacter(note[at - 1]) && !isIdCharacter(note[at + ref.length])) return true;
  }
  return false;
}
