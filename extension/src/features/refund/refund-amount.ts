import { formatMinor, minorUnitDigits, parseAmountInput } from '../../../../shared/money';

export type RefundAmountCheck = { ok: true; minor: number } | { ok: false; reason: string };

/** What the consultant typed as a refund, checked before anything is sent: more than zero, never more than is refundable. */
export function checkRefundAmount(text: string, refundableMinor: number, currency: string): RefundAmountCheck {
  const most = `At most ${formatMinor(refundableMinor, currency)} can be refunded: what the card paid for this invoice, less refunds already made.`;
  const parsed = parseAmountInput(text, currency);
  if (parsed.ok) return parsed.minor > refundableMinor ? { ok: false, reason: most } : parsed;
  switch (parsed.reason) {
    case 'empty':
      return { ok: false, reason: 'Enter the amount to refund.' };
    case 'too_many_decimals':
      return { ok: false, reason: `Use at most ${minorUnitDigits(currency)} decimals.` };
    case 'not_positive':
      return { ok: false, reason: 'The refund must be more than zero.' };
    case 'too_large':
      return { ok: false, reason: most };
    default:
      return { ok: false, reason: 'Enter an amount like 25.00.' };
  }
}

/** "12.50" for the amount box (no currency sign, no thousands separator). */
export function amountInputText(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return digits === 0 ? String(minor) : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}
