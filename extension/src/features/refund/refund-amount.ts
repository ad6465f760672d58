import { formatMinor, minorUnitDigits, parseAmountInput } from '../../../../shared/money';
import { i18n } from '../../i18n';

export type RefundAmountCheck = { ok: true; minor: number } | { ok: false; reason: string };

/** What the consultant typed as a refund, checked before anything is sent: more than zero, never more than is refundable. */
export function checkRefundAmount(text: string, refundableMinor: number, currency: string): RefundAmountCheck {
  const most = i18n.t('refund.atMost', [formatMinor(refundableMinor, currency)]);
  const parsed = parseAmountInput(text, currency);
  if (parsed.ok) return parsed.minor > refundableMinor ? { ok: false, reason: most } : parsed;
  switch (parsed.reason) {
    case 'empty':
      return { ok: false, reason: i18n.t('refund.enterAmount') };
    case 'too_many_decimals':
      return { ok: false, reason: i18n.t('refund.decimals', [minorUnitDigits(currency)]) };
    case 'not_positive':
      return { ok: false, reason: i18n.t('refund.notPositive') };
    case 'too_large':
      return { ok: false, reason: most };
    default:
      return { ok: false, reason: i18n.t('refund.amountLike') };
  }
}

/** "12.50" for the amount box (no currency sign, no thousands separator). */
export function amountInputText(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return digits === 0 ? String(minor) : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}
