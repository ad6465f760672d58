import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../env';
import { payments } from '../schema';

// What Stripe's payment webhooks write, each scoped to the account the event came from and to our
// attempt named in the PaymentIntent's metadata.

const ourAttempt = (accountId: string, paymentId: string) =>
  and(eq(payments.id, paymentId), eq(payments.accountId, accountId));

/** The customer authenticated, or a charge whose outcome we did not hear settled after all. */
export function markAttemptSucceeded(
  db: Db,
  accountId: string,
  paymentId: string,
  facts: { paymentIntentId: string; chargeId: string | null; feeMinor: number | null; netMinor: number | null },
  now: number,
) {
  return db
    .update(payments)
    .set({ status: 'succeeded', ...facts, failureCode: null, failureMessage: null, updatedAt: now })
    .where(ourAttempt(accountId, paymentId));
}

/** An unsettled attempt moves to what the event says: declined, or waiting for the customer. */
export function settleOpenAttempt(
  db: Db,
  accountId: string,
  paymentId: string,
  outcome: {
    status: 'failed' | 'requires_action';
    paymentIntentId: string;
    failureCode: string;
    failureMessage: string;
  },
  now: number,
) {
  return db
    .update(payments)
    .set({ ...outcome, updatedAt: now })
    .where(and(ourAttempt(accountId, paymentId), inArray(payments.status, ['pending', 'unknown'])));
}

/** A customer's failed 3-D Secure leaves the attempt waiting; only its sentence changes. */
export function noteFailedAuthentication(db: Db, accountId: string, paymentId: string, message: string, now: number) {
  return db
    .update(payments)
    .set({ failureMessage: message, updatedAt: now })
    .where(and(ourAttempt(accountId, paymentId), eq(payments.status, 'requires_action')));
}

/** Fee and net of a charge, found by its id or its PaymentIntent on the event's account. */
export function recordFee(
  db: Db,
  accountId: string,
  charge: { id: string; paymentIntentId: string | null },
  fee: { feeMinor: number; netMinor: number },
  now: number,
) {
  const byCharge = eq(payments.chargeId, charge.id);
  const match = charge.paymentIntentId ? or(byCharge, eq(payments.paymentIntentId, charge.paymentIntentId)) : byCharge;
  return db
    .update(payments)
    .set({ ...fee, updatedAt: now })
    .where(and(eq(payments.accountId, accountId), match));
}
