/**
 * Test cards from https://docs.stripe.com/testing — raw numbers (what Stripe.js collects) and the
 * `pm_card_*` ids server code may pass instead. Each row says how Stripe treats the card.
 */
export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

type Authentication =
  /** …3155: one-time payments need 3DS; once set up for off-session use, off-session charges pass. */
  | 'unless_set_up'
  /** …3184, …3220, …3063: every payment needs 3DS; off-session → authentication_required. */
  | 'always';

export interface TestCard {
  number: string;
  brand: 'visa' | 'mastercard' | 'amex' | 'discover';
  funding: 'credit' | 'debit';
  pmIds: readonly string[];
  /** Declined when attached, set up, or charged. */
  decline?: Decline;
  /** …0341: attaching works, every charge is declined. */
  chargeDecline?: Decline;
  authentication?: Authentication;
  /** …8260003178: authentication succeeds, then the charge is declined. */
  declineAfterAuthentication?: Decline;
  /** …5126: refunds succeed, then fail later. */
  refundFailsLater?: boolean;
  /** …0077: funds skip the pending balance. */
  bypassPending?: boolean;
}

const GENERIC: Decline = { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' };
const INSUFFICIENT: Decline = {
  code: 'card_declined',
  declineCode: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
};

const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', brand: 'visa', funding: 'credit', pmIds: ['pm_card_visa'] },
  { number: '4000056655665556', brand: 'visa', funding: 'debit', pmIds: ['pm_card_visa_debit'] },
  { number: '5555555555554444', brand: 'mastercard', funding: 'credit', pmIds: ['pm_card_mastercard'] },
  { number: '5200828282828210', brand: 'mastercard', funding: 'debit', pmIds: ['pm_card_mastercard_debit'] },
  { number: '378282246310005', brand: 'amex', funding: 'credit', pmIds: ['pm_card_amex'] },
  { number: '6011111111111117', brand: 'discover', funding: 'credit', pmIds: ['pm_card_discover'] },
  {
    number: '4000000000000077',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_bypassPending'],
    bypassPending: true,
  },
  {
    number: '4000000000000002',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_visa_chargeDeclined', 'pm_card_chargeDeclined'],
    decline: GENERIC,
  },
  {
    number: '4000000000009995',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedInsufficientFunds'],
    decline: INSUFFICIENT,
  },
  {
    number: '4000000000009987',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_visa_chargeDeclinedLostCard', 'pm_card_chargeDeclinedLostCard'],
    decline: { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' },
  },
  {
    number: '4000000000009979',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_visa_chargeDeclinedStolenCard', 'pm_card_chargeDeclinedStolenCard'],
    decline: { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' },
  },
  {
    number: '4000000000000069',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_chargeDeclinedExpiredCard'],
    decline: { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' },
  },
  {
    number: '4000000000000127',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_chargeDeclinedIncorrectCvc'],
    decline: {
      code: 'incorrect_cvc',
      declineCode: 'incorrect_cvc',
      message: "Your card's security code is incorrect.",
    },
  },
  {
    number: '4000000000000119',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_chargeDeclinedProcessingError'],
    decline: {
      code: 'processing_error',
      declineCode: 'processing_error',
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
  },
  {
    number: '4000000000000341',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_chargeCustomerFail'],
    chargeDecline: GENERIC,
  },
  {
    number: '4000002500003155',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_authenticationRequiredOnSetup'],
    authentication: 'unless_set_up',
  },
  {
    number: '4000002760003184',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_authenticationRequired'],
    authentication: 'always',
  },
  {
    number: '4000000000003220',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_threeDSecure2Required'],
    authentication: 'always',
  },
  {
    number: '4000000000003063',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_threeDSecureRequired'],
    authentication: 'always',
  },
  {
    number: '4000008260003178',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_authenticationRequiredChargeDeclinedInsufficientFunds'],
    authentication: 'always',
    declineAfterAuthentication: INSUFFICIENT,
  },
  {
    number: '4000000000005126',
    brand: 'visa',
    funding: 'credit',
    pmIds: ['pm_card_refundFail'],
    refundFailsLater: true,
  },
];

export function cardByNumber(number: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.number === number);
}

export function cardByPmId(id: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.pmIds.includes(id));
}

export function isTestPaymentMethodId(id: string): boolean {
  return id.startsWith('pm_card_');
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Decline for a Luhn-valid number that is not a test card: Stripe refuses live cards in test mode. */
export const LIVE_CARD_IN_TEST_MODE: Decline = {
  code: 'card_declined',
  declineCode: 'test_mode_live_card',
  message:
    'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
};
