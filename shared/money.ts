// Money crosses every boundary as an integer count of the currency's minor unit (cents for USD).
// Only the input box ever sees a decimal string; this module is the one place that converts.

/** Currencies whose minor unit is the major unit (Stripe's zero-decimal list, the ones we may meet). */
const ZERO_DECIMAL = new Set([
  'jpy',
  'krw',
  'vnd',
  'clp',
  'pyg',
  'xaf',
  'xof',
  'bif',
  'djf',
  'gnf',
  'kmf',
  'mga',
  'rwf',
  'ugx',
  'vuv',
  'xpf',
]);

export function minorUnitDigits(currency: string): 0 | 2 {
  return ZERO_DECIMAL.has(currency.toLowerCase()) ? 0 : 2;
}

export type ParsedAmount =
  | { ok: true; minor: number }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'too_many_decimals' | 'not_positive' | 'too_large' };

/** Largest amount Stripe accepts (99,999,999 minor units). */
export const MAX_AMOUNT_MINOR = 99_999_999;

/**
 * Parses what a person typed ("12", "12.5", "1,234.50", "$12.50") into minor units without floats,
 * so 0.1 + 0.2 style rounding can never change an amount.
 */
export function parseAmountInput(text: string, currency: string): ParsedAmount {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  const digits = minorUnitDigits(currency);
  if (fraction.length > digits) return { ok: false, reason: 'too_many_decimals' };
  if (whole.length > 9) return { ok: false, reason: 'too_large' };
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor <= 0) return { ok: false, reason: 'not_positive' };
  if (minor > MAX_AMOUNT_MINOR) return { ok: false, reason: 'too_large' };
  return { ok: true, minor };
}

/** "$1,234.50" style text for a person; never parsed back. */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}
