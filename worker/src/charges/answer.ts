import type { Context } from 'hono';
import type { PaymentSummary } from '../../../shared/api';
import { DISCONNECTED_MESSAGE, type ApiEnv } from '../auth';
import type { ChargeOutcome } from '../stripe/create-charge';

/**
 * The HTTP answer for an attempt: 200 paid, 202 waiting or unknown, 402 declined, 409 when the
 * customer already paid through the payment link, 401 when Stripe revoked access.
 */
export function chargeResponse(c: Context<ApiEnv>, outcome: Pick<ChargeOutcome, 'status' | 'failureCode'>, summary: PaymentSummary) {
  if (outcome.failureCode === 'not_connected') return c.json({ error: { code: 'not_connected', message: DISCONNECTED_MESSAGE }, payment: summary }, 401);
  if (outcome.failureCode === 'paid_by_link') return c.json({ error: { code: 'conflict', message: summary.message ?? 'The customer already paid through the payment link.' }, payment: summary }, 409);
  if (outcome.status === 'failed' || outcome.status === 'canceled') return c.json({ error: { code: 'card_declined', message: summary.message ?? 'The charge failed.' }, payment: summary }, 402);
  return c.json({ payment: summary }, outcome.status === 'succeeded' ? 200 : 202);
}
