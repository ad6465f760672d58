import type { Context } from 'hono';
import type { PaymentSummary } from '../../../shared/api';
import type { ClaimEnv } from '../auth';

/**
 * A charge that was attempted always answers 200 with its record: its status (succeeded, failed,
 * canceled, requires_action, unknown) and sentence say what happened. Non-2xx answers are kept for
 * requests refused before any attempt (bad input, no card, another charge in flight, not connected).
 */
export function chargeResponse(c: Context<ClaimEnv>, summary: PaymentSummary) {
  return c.json({ payment: summary }, 200);
}
