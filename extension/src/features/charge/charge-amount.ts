import { formatMinor, minorUnitDigits, parseAmountInput } from '../../../../shared/money';

// What the Stripe field says as the consultant types: the amount to charge, or why it cannot be.

export type AmountCheck =
  | { kind: 'empty' }
  | { kind: 'ok'; minor: number }
  | { kind: 'invalid'; reason: string }
  /** The field cannot be used at all (not connected, no customer, another currency). */
  | { kind: 'disabled'; reason: string };

export interface AmountLimits {
  balanceDueMinor: number;
  /** As the invoice shows it ("USD"). */
  invoiceCurrency: string;
  /** The connected Stripe account's currency ("usd"). */
  accountCurrency: string;
}

export function checkAmount(text: string, limits: AmountLimits): AmountCheck {
  const currency = limits.invoiceCurrency.toLowerCase();
  if (limits.accountCurrency.toLowerCase() !== currency) {
    return {
      kind: 'disabled',
      reason: `Your Stripe account charges in ${limits.accountCurrency.toUpperCase()}; this invoice is in ${currency.toUpperCase()}.`,
    };
  }
  if (limits.balanceDueMinor <= 0) return { kind: 'disabled', reason: 'Nothing is left to pay on this invoice.' };
  const parsed = parseAmountInput(text, currency);
  const balance = formatMinor(limits.balanceDueMinor, currency);
  if (parsed.ok) {
    return parsed.minor > limits.balanceDueMinor
      ? { kind: 'invalid', reason: `That is more than the balance due (${balance}).` }
      : { kind: 'ok', minor: parsed.minor };
  }
  switch (parsed.reason) {
    case 'empty':
      return { kind: 'empty' };
    case 'too_many_decimals':
      return {
        kind: 'invalid',
        reason:
          minorUnitDigits(currency) === 0
            ? `${currency.toUpperCase()} amounts have no decimals.`
            : 'Use at most two decimals (cents).',
      };
    case 'not_positive':
      return { kind: 'invalid', reason: 'Enter an amount more than zero.' };
    case 'too_large':
      return { kind: 'invalid', reason: `That is more than the balance due (${balance}).` };
    case 'not_a_number':
      return { kind: 'invalid', reason: 'Enter an amount in numbers, like 25.00.' };
  }
}
