import { drizzle } from 'drizzle-orm/d1';
import { driveAttempt } from '../charges/drive-attempt';
import { STALE_PENDING_MS } from '../charges/earlier-attempts';
import { selectAbandonedCharges, selectUnsettledCharges } from '../db/queries/charge-attempts';
import { expireWaitingCharge } from '../charges/expire-waiting';
import { LINK_LIFETIME_MS, selectPayLinkIntents } from '../db/queries/links';
import { applyRefundOutcome, recomputeRefunded, selectUnsettledRefunds } from '../db/queries/refunds';
import { selectPaymentById } from '../db/queries/payments';
import { pruneRateLimits } from '../db/queries/rate-limits';
import { revokeIdleTokens } from '../db/queries/tokens';
import { audit } from '../db/queries/audit';
import type { Env } from '../env';
import { driveRefund } from '../refunds/drive-refund';
import { loadStripe } from '../stripe/client';

/** Per run, so one slow run cannot pile up behind Stripe's rate limits. */
const BATCH = 50;
/** A refund's own request gets this long to hear back before the schedule asks Stripe instead. */
const REFUND_GRACE_MS = 60_000;

export interface SettleReport {
  charges: number;
  refunds: number;
}

/**
 * The Cron Trigger: settles what webhooks and requests did not. Charges and refunds whose outcome
 * was never heard are asked of Stripe again with their stored keys while Stripe remembers them,
 * and looked up by our ids in metadata after that: never created a second time. Charges whose
 * customer never authenticated are canceled once their link expires. Idle tokens end; rate-limit
 * counters (keyed by visitors' IP addresses) are forgotten a day after their window.
 */
export async function settleUnknown(env: Env, now = Date.now()): Promise<SettleReport> {
  const db = drizzle(env.DB);
  const [charges, refunds, abandoned] = await db.batch([
    selectUnsettledCharges(db, now - STALE_PENDING_MS, BATCH),
    selectUnsettledRefunds(db, now - REFUND_GRACE_MS, BATCH),
    selectAbandonedCharges(db, now - LINK_LIFETIME_MS.authenticate, BATCH),
    revokeIdleTokens(db, now),
    pruneRateLimits(db, now),
  ]);
  for (const charge of charges) {
    const [[payment], payLinks] = await db.batch([
      selectPaymentById(db, charge.accountId, charge.id),
      selectPayLinkIntents(db, charge.accountId, charge.invoiceId),
    ]);
    if (payment)
      await driveAttempt(
        { db, env, accountId: charge.accountId, tokenId: null },
        payment,
        charge.invoiceNumber,
        payLinks,
        now,
      );
  }
  const stripe = await loadStripe(env);
  for (const charge of abandoned) await expireWaitingCharge(db, stripe, charge, now);
  for (const { refund, paymentIntentId, invoiceNumber } of refunds) {
    if (!paymentIntentId) continue;
    const outcome = await driveRefund(stripe, refund.accountId, refund, paymentIntentId, invoiceNumber, now);
    const done = Date.now();
    await db.batch([
      applyRefundOutcome(db, refund.accountId, refund.id, { ...outcome, updatedAt: done }),
      recomputeRefunded(db, refund.accountId, [refund.paymentId]),
      audit(
        db,
        {
          accountId: refund.accountId,
          action: `refund.${outcome.status}`,
          subject: refund.id,
          detail: { via: 'schedule', refund: outcome.stripeRefundId },
        },
        done,
      ),
    ]);
  }
  return { charges: charges.length, refunds: refunds.length };
}
