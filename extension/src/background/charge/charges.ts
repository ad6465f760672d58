import { z } from 'zod/mini';
import { chargeResponseSchema, invoicePaymentsResponseSchema, paymentSummarySchema, type PaymentSummary, type SiteInvoice } from '../../../../shared/api';
import { markDisconnected } from '../connect/account-state';
import { callApi, type ApiResult } from '../worker-client';
import { defineAttemptStore, mayHaveReachedStripe, oneAtATime } from '../attempts';
import type { ChargeReply, InvoiceStripeReply, StripeFailure } from '../charges-messages';

// The invoice page's Stripe work, done in the background (the only code that holds the token and
// zod): the invoice's history and card, charging with an attempt id that survives retries, and
// telling the worker a payment is now written into the site's form.

const SETTLED = new Set<PaymentSummary['status']>(['succeeded', 'failed', 'canceled', 'requires_action']);
export const chargeAttempts = defineAttemptStore('local:chargeAttempts', 'att');

const declinedBody = z.object({ payment: paymentSummarySchema });

function failure(result: Extract<ApiResult<unknown>, { ok: false }>): StripeFailure {
  return { ok: false, code: result.code, message: result.message };
}

export async function invoiceStripeState(invoiceNumber: string, customerId: string, fetchImpl: typeof fetch): Promise<InvoiceStripeReply | StripeFailure> {
  const query = new URLSearchParams({ customer: customerId });
  const result = await callApi(`/invoices/${encodeURIComponent(invoiceNumber)}/payments?${query}`, { method: 'GET' }, invoicePaymentsResponseSchema, fetchImpl);
  return result.ok ? { ok: true, ...result.data } : failure(result);
}

async function chargeReply(result: ApiResult<{ payment: PaymentSummary }>): Promise<ChargeReply> {
  if (result.ok) {
    const { payment } = result.data;
    // Stripe refused the platform's access while charging: nothing was charged and the worker has
    // disconnected the account; every Stripe control on the site should say so now.
    if (payment.failureCode === 'not_connected') await markDisconnected();
    if (payment.status === 'failed' || payment.status === 'canceled') {
      return { ok: false, code: 'card_declined', message: payment.message ?? 'The charge did not go through.', payment, canRetry: false };
    }
    return { ok: true, payment };
  }
  const declined = declinedBody.safeParse(result.body);
  const payment = declined.success ? declined.data.payment : null;
  const canRetry = !payment && mayHaveReachedStripe(result.code);
  return { ok: false, code: result.code, message: result.message, payment, canRetry };
}

/**
 * Charges the invoice through the worker. The attempt id is stored before the request leaves and
 * dropped only once the worker has settled it, so "Check again" and a reload reuse it.
 */
export function chargeInvoice(invoice: SiteInvoice, amountMinor: number, fetchImpl: typeof fetch): Promise<ChargeReply> {
  const key = invoice.number;
  return oneAtATime(key, async () => {
    const attempt = await chargeAttempts.attemptFor(key, amountMinor);
    const result = await callApi('/charges', { method: 'POST', body: { attemptId: attempt.attemptId, invoice, amountMinor: attempt.amountMinor } }, chargeResponseSchema, fetchImpl);
    const reply = await chargeReply(result);
    // A refusal without a payment (no card, too much, another charge in flight, not connected) means
    // the worker kept nothing under this id; only an answer that may have reached Stripe keeps it.
    const settled = reply.payment ? SETTLED.has(reply.payment.status) : !reply.ok && !reply.canRetry;
    if (settled) await chargeAttempts.forget(key, attempt.attemptId);
    return reply;
  });
}

export async function markRecordedOnSite(paymentId: string, fetchImpl: typeof fetch): Promise<{ ok: true } | StripeFailure> {
  const result = await callApi(`/payments/${encodeURIComponent(paymentId)}/recorded`, { method: 'POST' }, z.object({ ok: z.literal(true) }), fetchImpl);
  return result.ok ? { ok: true } : failure(result);
}
