import { z } from 'zod/mini';
import {
  chargeResponseSchema,
  invoicePaymentsResponseSchema,
  type CardSummary,
  type PaymentSummary,
  type SiteInvoice,
} from '../../../../shared/api';
import { defineAttemptStore, mayHaveReachedStripe, oneAtATime } from '../attempts';
import { i18n } from '../../i18n';
import { markDisconnected } from '../connect/account-state';
import type { AttemptReply, StripeFailure } from '../protocol';
import { callApi, type ApiResult } from '../worker-client';

// The invoice page's Stripe work, done in the background (the only code that holds the token and
// zod): the invoice's history and card, charging with an attempt id that survives retries, and
// telling the worker a payment is now written into the site's form.

export interface InvoiceStripeReply {
  ok: true;
  payments: PaymentSummary[];
  card: CardSummary | null;
}

export type ChargeReply = AttemptReply<PaymentSummary>;

const SETTLED = new Set<PaymentSummary['status']>(['succeeded', 'failed', 'canceled', 'requires_action']);
export const chargeAttempts = defineAttemptStore('local:chargeAttempts', 'att');

function failure(result: Extract<ApiResult<unknown>, { ok: false }>): StripeFailure {
  return { ok: false, code: result.code, message: result.message };
}

export async function invoiceStripeState(
  invoiceNumber: string,
  customerId: string,
  fetchImpl: typeof fetch,
): Promise<InvoiceStripeReply | StripeFailure> {
  const result = await callApi(
    (api, options) =>
      api.invoices[':number'].payments.$get(
        { param: { number: invoiceNumber }, query: { customer: customerId } },
        options,
      ),
    invoicePaymentsResponseSchema,
    fetchImpl,
  );
  return result.ok ? { ok: true, ...result.data } : failure(result);
}

/** The worker's record of an attempted charge, as the page shows it. */
async function chargeReply(payment: PaymentSummary): Promise<ChargeReply> {
  // Stripe refused the platform's access while charging: nothing was charged and the worker has
  // disconnected the account; every Stripe control on the site should say so now.
  if (payment.failureCode === 'not_connected') await markDisconnected();
  switch (payment.status) {
    case 'succeeded':
      return { ok: true, outcome: 'succeeded', message: null, record: payment };
    case 'requires_action':
      return { ok: true, outcome: 'requires_action', message: payment.message, record: payment };
    case 'failed':
    case 'canceled':
      return {
        ok: true,
        outcome: 'failed',
        message: payment.message ?? i18n.t('charge.didNotGoThrough'),
        record: payment,
      };
    default:
      return { ok: true, outcome: 'unknown', message: payment.message ?? i18n.t('charge.unknown'), record: payment };
  }
}

/**
 * Charges the invoice through the worker. The attempt id is stored before the request leaves and
 * dropped only once the worker has settled it, so "Check again" and a reload reuse it.
 */
export function chargeInvoice(
  invoice: SiteInvoice,
  amountMinor: number,
  fetchImpl: typeof fetch,
): Promise<ChargeReply> {
  const key = invoice.number;
  return oneAtATime(key, async () => {
    const attempt = await chargeAttempts.attemptFor(key, amountMinor);
    const json = { attemptId: attempt.attemptId, invoice, amountMinor: attempt.amountMinor };
    const result = await callApi(
      (api, options) => api.charges.$post({ json }, options),
      chargeResponseSchema,
      fetchImpl,
    );
    // A refusal (no card, too much, another charge in flight, not connected) means the worker kept
    // nothing under this id; only an answer that may have reached Stripe keeps it.
    const reply: ChargeReply = result.ok
      ? await chargeReply(result.data.payment)
      : {
          ok: true,
          outcome: mayHaveReachedStripe(result.code) ? 'unknown' : 'failed',
          message: result.message,
          record: null,
        };
    const settled = reply.record ? SETTLED.has(reply.record.status) : reply.outcome === 'failed';
    if (settled) await chargeAttempts.forget(key, attempt.attemptId);
    return reply;
  });
}

export async function markRecordedOnSite(
  paymentId: string,
  fetchImpl: typeof fetch,
): Promise<{ ok: true } | StripeFailure> {
  const result = await callApi(
    (api, options) => api.payments[':id'].recorded.$post({ param: { id: paymentId } }, options),
    z.object({ ok: z.literal(true) }),
    fetchImpl,
  );
  return result.ok ? { ok: true } : failure(result);
}
