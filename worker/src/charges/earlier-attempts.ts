import { formatMinor } from '../../../shared/money';
import type { PaymentRow } from '../db/queries/payments';
import { AppError } from '../errors';
import { driveAttempt, type ChargeScope } from './drive-attempt';

/** A request that has held an attempt "pending" this long has died (the worker was cut off mid-call). */
export const STALE_PENDING_MS = 2 * 60_000;

/**
 * A new Confirm met another charge of the invoice in flight (D1 refused to open a second one).
 * One that is still running or waits for the customer is explained; one whose outcome we never
 * heard is asked of Stripe again with its own key. Either way the consultant is told first and
 * confirms again knowingly: a charge happens once or not at all.
 */
export async function explainOpenAttempt(
  scope: ChargeScope,
  open: PaymentRow,
  invoiceNumber: string,
  now: number,
): Promise<AppError> {
  const amount = formatMinor(open.amountMinor, open.currency);
  if (open.status === 'requires_action')
    return new AppError(
      409,
      'conflict',
      `A charge of ${amount} on this invoice is waiting for the customer to authenticate. Wait for it, or for it to fail, before charging again.`,
    );
  if (open.status === 'pending' && now - open.createdAt < STALE_PENDING_MS) {
    return new AppError(
      409,
      'conflict',
      `Another Stripe charge of ${amount} on this invoice is being processed right now (from another browser or computer). Nothing more was charged. Wait a moment, then refresh the invoice.`,
    );
  }
  const { outcome } = await driveAttempt(scope, open, invoiceNumber, [], now);
  if (outcome.status === 'succeeded')
    return new AppError(
      409,
      'conflict',
      `An earlier charge of ${amount} on this invoice went through after all. Nothing more was charged: check the balance before charging again.`,
    );
  if (outcome.status === 'unknown')
    return new AppError(
      409,
      'conflict',
      `Stripe has still not confirmed an earlier charge of ${amount} on this invoice. Nothing more was charged; try again in a few minutes.`,
    );
  if (outcome.status === 'requires_action')
    return new AppError(
      409,
      'conflict',
      `An earlier charge of ${amount} on this invoice needs the customer to authenticate. Nothing more was charged.`,
    );
  return new AppError(
    409,
    'conflict',
    `An earlier charge of ${amount} on this invoice did not go through. Nothing was charged: click Confirm again to charge the card now.`,
  );
}
