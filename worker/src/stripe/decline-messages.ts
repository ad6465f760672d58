import type Stripe from 'stripe';

export interface ChargeFailure {
  /** Stable code stored on the attempt and sent to the extension. */
  failureCode: string;
  message: string;
}

// https://docs.stripe.com/declines/codes — lost and stolen cards are shown as a plain decline,
// as Stripe advises, because the customer may be standing next to the consultant.
const DECLINES: Record<string, string> = {
  insufficient_funds:
    'The card was declined for insufficient funds. Ask the customer for another card or a smaller amount.',
  expired_card: "The card on file has expired. Click Edit to enter the customer's current card.",
  incorrect_cvc: 'The card was declined because its security code (CVC) is wrong. Click Edit to enter the card again.',
  processing_error:
    'The card could not be processed because of an error at the bank. Nothing was charged; try again in a few minutes.',
  incorrect_number: "The card number is wrong. Click Edit to enter the customer's card again.",
};

const GENERIC_DECLINE =
  "The card was declined by the customer's bank. Nothing was charged. Ask the customer to call their bank or to use another card.";

/** The most specific reason Stripe gave: Stripe sometimes sends an empty decline_code, which names nothing. */
export function declineReason(declineCode: string | null | undefined, code: string | null | undefined): string {
  return declineCode || code || 'card_declined';
}

export function describeCardError(error: Stripe.errors.StripeCardError): ChargeFailure {
  const reason = declineReason(error.decline_code, error.code);
  if (
    error.code === 'expired_card' ||
    error.code === 'incorrect_cvc' ||
    error.code === 'processing_error' ||
    error.code === 'incorrect_number'
  ) {
    return { failureCode: error.code, message: DECLINES[error.code] ?? GENERIC_DECLINE };
  }
  const known = DECLINES[reason];
  if (known) return { failureCode: reason, message: known };
  return {
    failureCode: reason === 'lost_card' || reason === 'stolen_card' ? 'card_declined' : reason,
    message: GENERIC_DECLINE,
  };
}

export const AUTHENTICATION_MESSAGE =
  "The customer's bank wants the customer to confirm this payment. Send them the authentication link; the invoice is marked paid once they complete it.";

export const UNKNOWN_OUTCOME_MESSAGE =
  "We could not hear back from Stripe, so we don't know yet whether the card was charged. Do not charge again: this attempt settles by itself, or click Confirm again to check.";

export const NO_CARD_MESSAGE = 'This customer has no card on file. Click Add card to enter one.';
