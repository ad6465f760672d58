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

/** Stripe's three-decimal currencies: amounts count thousandths (docs.stripe.com/currencies#three-decimal). */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Digits after the point in Stripe's minor unit of a currency (which is not always ISO's or Intl's: HUF, ISK). */
export function minorUnitDigits(currency: string): 0 | 2 | 3 {
  const code = currency.toLowerCase();
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
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

const formatters = new Map<string, Intl.NumberFormat | null>();

/** One formatter per currency: the symbol and grouping from Intl, the digits from Stripe's minor unit. */
function formatterFor(currency: string): Intl.NumberFormat | null {
  const code = currency.toUpperCase();
  let formatter = formatters.get(code);
  if (formatter === undefined) {
    const digits = minorUnitDigits(code);
    try {
      // English, as every other word the consultant reads; the currency decides the symbol.
      formatter = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: code,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      formatter = null; // not a currency code Intl accepts: shown as number and code below
    }
    formatters.set(code, formatter);
  }
  return formatter;
}

/**
 * Money in the invoice's currency for a person ("$1,234.50", "€1,234.50", "¥1,235", "KWD 1.500");
 * never parsed back.
 */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const major = minor / 10 ** digits;
  const formatter = formatterFor(currency);
  return formatter ? formatter.format(major) : `${major.toFixed(digits)} ${currency.toUpperCase()}`;
}
