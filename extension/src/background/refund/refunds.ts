import {
  invoiceStatusResponseSchema,
  refundResponseSchema,
  type InvoiceStripeStatus,
  type RefundRequest,
  type RefundSummary,
} from '../../../../shared/api';
import { defineAttemptStore, mayHaveReachedStripe, oneAtATime } from '../attempts';
import { i18n } from '../../i18n';
import type { AttemptReply, StripeFailure } from '../protocol';
import { callApi } from '../worker-client';

// The lists' Stripe work, done in the background: every row's status in one request, and refunds
// with an attempt id that survives a timeout, a second click or a reload, so a refund never repeats.

export interface InvoiceStatusReply {
  ok: true;
  invoices: InvoiceStripeStatus[];
}

/** The worker's record of a refund click: the refunds it made and the invoice's Stripe status after them. */
interface RefundRecord {
  refunds: RefundSummary[];
  status: InvoiceStripeStatus;
}

export type RefundReply = AttemptReply<RefundRecord>;

const refundAttempts = defineAttemptStore('local:refundAttempts', 'rfd');

export async function invoiceStatuses(
  numbers: string[],
  fetchImpl: typeof fetch,
): Promise<InvoiceStatusReply | StripeFailure> {
  if (numbers.length === 0) return { ok: true, invoices: [] };
  // A body, not a query string: a list of thousands would pass Cloudflare's 16 KB URL limit.
  const result = await callApi(
    (api, options) => api.invoices.status.$post({ json: { numbers } }, options),
    invoiceStatusResponseSchema,
    fetchImpl,
  );
  return result.ok
    ? { ok: true, invoices: result.data.invoices }
    : { ok: false, code: result.code, message: result.message };
}

/** The worker's record of an attempted refund, as the list shows it. */
function refundReply(record: RefundRecord): RefundReply {
  const { refunds } = record;
  const failed = refunds.find((r) => r.status === 'failed' || r.status === 'canceled');
  if (failed) return { ok: true, outcome: 'failed', message: failed.message ?? i18n.t('refund.failed'), record };
  if (refunds.some((r) => r.status === 'unknown'))
    return { ok: true, outcome: 'unknown', message: i18n.t('refund.unknown'), record };
  const pending = refunds.find((r) => r.status === 'pending' || r.status === 'requires_action');
  if (pending)
    return { ok: true, outcome: 'pending', message: pending.message ?? i18n.t('refund.pendingReply'), record };
  return { ok: true, outcome: 'succeeded', message: null, record };
}

/**
 * Refunds through the worker. A click whose outcome is unknown (timeout, Stripe silent) keeps its
 * attempt id and amount, and the next click asks about that same refund instead of making another.
 */
export function refundInvoice(
  request: Omit<RefundRequest, 'attemptId'>,
  fetchImpl: typeof fetch,
): Promise<RefundReply> {
  const key = `refund:${request.invoiceNumber}`;
  return oneAtATime(key, async () => {
    const attempt = await refundAttempts.attemptFor(request.invoiceNumber, request.amountMinor);
    const json: RefundRequest = { ...request, attemptId: attempt.attemptId, amountMinor: attempt.amountMinor };
    const result = await callApi(
      (api, options) => api.refunds.$post({ json }, options),
      refundResponseSchema,
      fetchImpl,
    );
    const reply: RefundReply = result.ok
      ? refundReply(result.data)
      : {
          ok: true,
          outcome: mayHaveReachedStripe(result.code) ? 'unknown' : 'failed',
          message: result.message,
          record: null,
        };
    if (reply.outcome !== 'unknown') await refundAttempts.forget(request.invoiceNumber, attempt.attemptId);
    return reply;
  });
}
