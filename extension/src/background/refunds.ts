import { z } from 'zod/mini';
import { invoiceStatusResponseSchema, invoiceStripeStatusSchema, refundResponseSchema, refundSummarySchema, type RefundRequest } from '../../../shared/api';
import { storage } from 'wxt/utils/storage';
import { callApi } from './api-client';
import { oneAtATime } from './charges-attempts';
import type { StripeFailure } from './charges-messages';
import type { InvoiceStatusReply, RefundReply } from './refunds-messages';

// The lists' Stripe work, done in the background: every row's status in one request, and refunds
// with an attempt id that survives a timeout, a second click or a reload, so a refund never repeats.

export interface StoredRefundAttempt {
  attemptId: string;
  amountMinor: number;
}

export const refundAttempts = storage.defineItem<Record<string, StoredRefundAttempt>>('local:refundAttempts', { fallback: {}, version: 1 });

/** Answers after which the worker may or may not have asked Stripe: the same attempt must be asked again. */
const UNKNOWN_CODES = new Set(['worker_timeout', 'worker_unreachable', 'http_error', 'bad_response', 'stripe_unavailable', 'internal', 'not_connected', 'rate_limited']);
const UNKNOWN_SENTENCE = 'Stripe has not said yet whether the refund went through. Try again in a moment: it will not refund twice.';
const PENDING_SENTENCE = 'Stripe will finish the refund when your Stripe balance covers it and its fee.';

const failedBody = z.object({ refunds: z.array(refundSummarySchema), status: invoiceStripeStatusSchema });

export async function invoiceStatuses(numbers: string[], fetchImpl: typeof fetch): Promise<InvoiceStatusReply | StripeFailure> {
  if (numbers.length === 0) return { ok: true, invoices: [] };
  // A body, not a query string: a list of thousands would pass Cloudflare's 16 KB URL limit.
  const result = await callApi('/invoices/status', { method: 'POST', body: { numbers } }, invoiceStatusResponseSchema, fetchImpl);
  return result.ok ? { ok: true, invoices: result.data.invoices } : { ok: false, code: result.code, message: result.message };
}

function newAttemptId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return `rfd_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

async function attemptFor(invoiceNumber: string, amountMinor: number): Promise<StoredRefundAttempt> {
  const all = await refundAttempts.getValue();
  const kept = all[invoiceNumber];
  if (kept) return kept;
  const attempt = { attemptId: newAttemptId(), amountMinor };
  await refundAttempts.setValue({ ...all, [invoiceNumber]: attempt });
  return attempt;
}

async function forgetAttempt(invoiceNumber: string, attemptId: string): Promise<void> {
  const all = await refundAttempts.getValue();
  if (all[invoiceNumber]?.attemptId !== attemptId) return;
  const { [invoiceNumber]: _settled, ...rest } = all;
  await refundAttempts.setValue(rest);
}

/**
 * Refunds through the worker. A click whose outcome is unknown (timeout, Stripe silent) keeps its
 * attempt id and amount, and the next click asks about that same refund instead of making another.
 */
export function refundInvoice(request: Omit<RefundRequest, 'attemptId'>, fetchImpl: typeof fetch): Promise<RefundReply> {
  const key = `refund:${request.invoiceNumber}`;
  return oneAtATime(key, async () => {
    const attempt = await attemptFor(request.invoiceNumber, request.amountMinor);
    const body: RefundRequest = { ...request, attemptId: attempt.attemptId, amountMinor: attempt.amountMinor };
    const result = await callApi('/refunds', { method: 'POST', body }, refundResponseSchema, fetchImpl);
    let reply: RefundReply;
    if (result.ok) {
      const { refunds, status } = result.data;
      const pending = refunds.find((r) => r.status === 'pending' || r.status === 'requires_action');
      reply = refunds.some((r) => r.status === 'unknown')
        ? { ok: false, code: 'refund_unknown', message: UNKNOWN_SENTENCE, status, canRetry: true }
        : { ok: true, refunds, status, pending: pending ? (pending.message ?? PENDING_SENTENCE) : null };
    } else {
      const failed = failedBody.safeParse(result.body);
      reply = { ok: false, code: result.code, message: result.message, status: failed.success ? failed.data.status : null, canRetry: !failed.success && UNKNOWN_CODES.has(result.code) };
    }
    if (reply.ok || !reply.canRetry) await forgetAttempt(request.invoiceNumber, attempt.attemptId);
    return reply;
  });
}
