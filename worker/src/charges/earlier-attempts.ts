import type { Context } from 'hono';
import { formatMinor } from '../../../shared/money';
import type { ApiEnv } from '../auth';
import type { PaymentRow } from '../db/queries/payments';
import { AppError } from '../errors';
import { driveAttempt } from './drive-attempt';

/** A request that has held an attempt "pending" this long has died (the worker was cut off mid-call). */
export const STALE_PENDING_MS = 2 * 60_000;

/**
 * Before a new Confirm on an invoice, earlier attempts whose outcome we never heard are asked of
 * Stripe again with their own keys. Whatever they turn out to be, the consultant is told first and
 * confirms again knowingly: a charge happens once or not at all.
 */
export async function settleEarlierAttempts(c: Context<ApiEnv>, inFlight: PaymentRow[], invoiceNumber: string, now: number): Promise<void> {
  const waiting = inFlight.find((p) => p.status === 'requires_action');
  if (waiting) throw new AppError(409, 'conflict', `A charge of ${formatMinor(waiting.amountMinor, waiting.currency)} on this invoice is waiting for the customer to authenticate. Wait for it, or for it to fail, before charging again.`);
  const busy = inFlight.find((p) => p.status === 'pending' && now - p.createdAt < STALE_PENDING_MS);
  if (busy) throw new AppError(409, 'conflict', 'Another Stripe charge on this invoice is being processed right now. Wait a moment, then refresh the invoice.');
  for (const earlier of inFlight) {
    const { outcome } = await driveAttempt(c, earlier, invoiceNumber);
    const amount = formatMinor(earlier.amountMinor, earlier.currency);
    if (outcome.status === 'succeeded') throw new AppError(409, 'conflict', `An earlier charge of ${amount} on this invoice went through after all. Nothing more was charged: check the balance before charging again.`);
    if (outcome.status === 'unknown') throw new AppError(409, 'conflict', `Stripe has still not confirmed an earlier charge of ${amount} on this invoice. Nothing more was charged; try again in a few minutes.`);
    if (outcome.status === 'requires_action') throw new AppError(409, 'conflict', `An earlier charge of ${amount} on this invoice needs the customer to authenticate. Nothing more was charged.`);
  }
  // Every earlier attempt turned out failed: nothing stands in the way of the new one.
}
