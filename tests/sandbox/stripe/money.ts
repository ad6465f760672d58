import { invalidRequest } from './errors.ts';

/** https://docs.stripe.com/currencies#zero-decimal */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** Minimum charge amounts in minor units: https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

/** Card pricing per currency: [basis points, fixed minor units]. US pricing is 2.9% + 30¢. */
const CARD_FEE: Record<string, readonly [number, number]> = {
  usd: [290, 30],
  cad: [290, 30],
  aud: [170, 30],
  gbp: [150, 20],
  eur: [150, 25],
};

const MAXIMUM_AMOUNT = 99_999_999;

function isSupportedCurrency(currency: string): boolean {
  return currency in MINIMUM_CHARGE || ZERO_DECIMAL.has(currency);
}

export function checkCurrency(currency: string): void {
  if (!isSupportedCurrency(currency)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: ${Object.keys(MINIMUM_CHARGE).join(', ')}`,
      {
        param: 'currency',
      },
    );
  }
}

function format(amount: number, currency: string): string {
  if (ZERO_DECIMAL.has(currency)) return `${amount}`;
  const symbol =
    currency === 'usd' || currency === 'cad' || currency === 'aud'
      ? '$'
      : currency === 'eur'
        ? '€'
        : currency === 'gbp'
          ? '£'
          : '';
  return `${symbol}${(amount / 100).toFixed(2)}`;
}

/** Stripe refuses amounts below the currency's minimum with `amount_too_small`. */
export function checkChargeAmount(amount: number, currency: string): void {
  if (amount < 1)
    throw invalidRequest('This value must be greater than or equal to 1.', {
      code: 'parameter_invalid_integer',
      param: 'amount',
    });
  const minimum = MINIMUM_CHARGE[currency] ?? 50;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${format(minimum, currency)} ${currency}`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${format(MAXIMUM_AMOUNT, currency)}`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
}

export function cardFee(amount: number, currency: string): number {
  const [basisPoints, fixed] = CARD_FEE[currency] ?? [290, 30];
  return Math.round((amount * basisPoints) / 10_000) + fixed;
}

export { format as formatAmount };
