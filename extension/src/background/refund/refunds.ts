import { z } from 'zod/mini';
import { invoiceStatusResponseSchema, invoiceStripeStatusSchema, refundResponseSchema, refundSummarySchema, type RefundRequest } from '../../../../shared/api';
import { callApi } from '../worker-client';
import { defineAttemptStore, mayHaveReachedStripe, oneAtATime } from '../attempts';
import type { StripeFailure } from '../charges-messages';
import type { InvoiceStatusReply, RefundReply } from '../refunds-messages';

// The lists' Stripe work, done in the background: every row's status in one request, and refunds
// with an attempt id that survives a timeout, a second click or a reload, so a refund never repeats.

export const refundAttempts = defineAttemptStore('local:refundAttempts', 'rfd');

const UNKNOWN_SENTENCE = 'Stripe has not said yet whether the refund went through. Try again in a moment: it will not refund twice.';
const PENDING_SENTENCE = 'Stripe will finish the refund when your Stripe balance covers it and its fee.';

const failedBody = z.object({ refunds: z.array(refundSummarySchema), status: invoiceStripeStatusSchema });

export async function invoiceStatuses(numbers: string[], fetchImpl: typeof fetch): Promise<InvoiceStatusReply | StripeFailure> {
  if (numbers.length === 0) return { ok: true, invoices: [] };
  const query = new URLSearchParams({ numbers: numbers.join(',') });
  const result = await callApi(`/invoices/status?${query}`, { method: 'GET' }, invoiceStatusResponseSchema, fetchImpl);
  return result.ok ? { ok: true, invoices: result.data.invoices } : { ok: false, code: result.code, message: result.message };
}

/**
 * Refunds through the worker. A click whose outcome is unknown (timeout, Stripe silent) keeps its
 * attempt id and amount, and the next click asks about that same refund instead of making another.
 */
export function refundInvoice(request: Omit<RefundRequest, 'attemptId'>, fetchImpl: typeof fetch): Promise<RefundReply> {
  const key = `refund:${request.invoiceNumber}`;
  return oneAtATime(key, async () => {
    const attempt = await refundAttempts.attemptFor(request.invoiceNumber, request.amountMinor);
    const body: RefundRequest = { ...request, attemptId: attempt.attemptId, amountMinor: attempt.amountMinor };
    const result = await callApi('/refunds', { method: 'POST', body }, refundResponseSchema, fetchImpl);
    let reply: RefundReply;
    if (result.ok) {
      const { refunds, status } = result.data;
      const pending = refunds.find((r) => r.status === 'pending' || r.status === 'requires_action');
      const failed = refunds.find((r) => r.status === 'failed' || r.status === 'canceled');
      reply = failed
        ? { ok: false, code: 'refund_failed', message: failed.message ?? 'The refund failed.', status, canRetry: false }
        : refunds.some((r) => r.status === 'unknown')
        ? { ok: false, code: 'refund_unknown', message: UNKNOWN_SENTENCE, status, canRetry: true }
        : { ok: true, refunds, status, pending: pending ? (pending.message ?? PENDING_SENTENCE) : null };
    } else {
      const failed = failedBody.safeParse(result.body);
      reply = { ok: false, code: result.code, message: result.message, status: failed.success ? failed.data.status : null, canRetry: !failed.success && mayHaveReachedStripe(result.code) };
    }
    if (reply.ok || !reply.canRetry) await refundAttempts.forget(request.invoiceNumber, attempt.attemptId);
    return reply;
  });
}
