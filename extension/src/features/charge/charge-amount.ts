import { formatMinor, minorUnitDigits, parseAmountInput } from '../../../../shared/money';
import { i18n } from '../../i18n';

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
      reason: i18n.t('charge.otherCurrency', [limits.accountCurrency.toUpperCase(), currency.toUpperCase()]),
    };
  }
  if (limits.balanceDueMinor <= 0) return { kind: 'disabled', reason: i18n.t('charge.nothingDue') };
  const parsed = parseAmountInput(text, currency);
  const moreThanDue = () => i18n.t('charge.moreThanDue', [formatMinor(limits.balanceDueMinor, currency)]);
  if (parsed.ok) {
    return parsed.minor > limits.balanceDueMinor
      ? { kind: 'invalid', reason: moreThanDue() }
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
            ? i18n.t('charge.noDecimals', [currency.toUpperCase()])
            : i18n.t('charge.twoDecimals'),
      };
    case 'not_positive':
      return { kind: 'invalid', reason: i18n.t('charge.notPositive') };
    case 'too_large':
      return { kind: 'invalid', reason: moreThanDue() };
    case 'not_a_number':
      return { kind: 'invalid', reason: i18n.t('charge.notANumber') };
  }
}
