import { randomSecret } from '../crypto';
import type { PaymentFact } from '../db/queries/invoice-status';
import type { PlannedRefund, RefundReason } from '../db/queries/refunds';

/** The key of one refund click; each of its refunds adds the payment it draws on. */
export const refundAttemptKey = (attemptId: string) => `qtsb-refund-${attemptId}`;

/** Splits a refund over the invoice's succeeded payments, newest first, never more than is left on each. */
export function planRefund(
  paymentRows: PaymentFact[],
  refundableByPayment: Map<string, number>,
  attemptKey: string,
  amountMinor: number,
  reason: RefundReason | null,
): PlannedRefund[] {
  const plan: PlannedRefund[] = [];
  let remaining = amountMinor;
  const newestFirst = paymentRows.filter((p) => p.status === 'succeeded').sort((a, b) => b.createdAt - a.createdAt);
  for (const p of newestFirst) {
    const take = Math.min(remaining, refundableByPayment.get(p.paymentId) ?? 0);
    if (take <= 0) continue;
    plan.push({
      id: randomSecret('ref_row_', 9),
      paymentId: p.paymentId,
      amountMinor: take,
      idempotencyKey: `${attemptKey}-${p.paymentId}`,
      reason,
    });
    remaining -= take;
  }
  return plan;
}
