// https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts (the currencies we may meet).
const MINIMUM_MINOR: Record<string, number> = { usd: 50, cad: 50, aud: 50, eur: 50, gbp: 30, nzd: 50, mxn: 1000 };

export function minimumChargeMinor(currency: string): number {
  return MINIMUM_MINOR[currency.toLowerCase()] ?? 50;
}
