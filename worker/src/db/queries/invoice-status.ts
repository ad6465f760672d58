import { and, eq, inArray } from 'drizzle-orm';
import type { InvoiceStripeStatus } from '../../../../shared/api';
import type { Db } from '../../env';
import { invoices, payments, refunds } from '../schema';

// D1 binds at most 100 parameters per statement; the account id takes one.
const CHUNK = 90;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function paymentFactsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({ paymentId: payments.id, number: invoices.number, kind: invoices.kind, currency: payments.currency, status: payments.status, amountMinor: payments.amountMinor, paymentIntentId: payments.paymentIntentId, recordedOnSiteAt: payments.recordedOnSiteAt, createdAt: payments.createdAt })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.accountId, accountId), inArray(invoices.number, numbers)));
}

export function refundFactsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({ refundId: refunds.id, refundPaymentId: refunds.paymentId, refundStatus: refunds.status, refundAmountMinor: refunds.amountMinor })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.accountId, accountId), inArray(invoices.number, numbers)));
}

/**
 * Statements reading every Stripe payment and refund of the given invoices, in chunks D1 accepts.
 * Selected columns have distinct names because drizzle maps batched rows by name.
 */
export function statusQueries(db: Db, accountId: string, numbers: string[]) {
  return chunks(numbers).flatMap((part) => [paymentFactsQuery(db, accountId, part), refundFactsQuery(db, accountId, part)]);
}

export type PaymentFact = { paymentId: string; number: string; kind: 'normal_sale' | 'return_exchange'; currency: string; status: string; amountMinor: number; paymentIntentId: string | null; recordedOnSiteAt: number | null; createdAt: number };
export type RefundFact = { refundId: string; refundPaymentId: string; refundStatus: string; refundAmountMinor: number };

const OPEN_REFUND = new Set(['pending', 'unknown', 'requires_action']);

/** Per succeeded payment, what can still be refunded (charged − refunded − refunds in flight). */
export function refundableByPayment(paymentRows: PaymentFact[], refundRows: RefundFact[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of paymentRows) if (p.status === 'succeeded') out.set(p.paymentId, p.amountMinor);
  for (const r of refundRows) {
    if (r.refundStatus === 'succeeded' || OPEN_REFUND.has(r.refundStatus)) out.set(r.refundPaymentId, (out.get(r.refundPaymentId) ?? 0) - r.refundAmountMinor);
  }
  return out;
}

export function summarize(number: string, paymentRows: PaymentFact[], refundRows: RefundFact[]): InvoiceStripeStatus {
  const mine = paymentRows.filter((p) => p.number === number);
  const ids = new Set(mine.map((p) => p.paymentId));
  const myRefunds = refundRows.filter((r) => ids.has(r.refundPaymentId));
  const succeeded = mine.filter((p) => p.status === 'succeeded');
  const chargedMinor = succeeded.reduce((s, p) => s + p.amountMinor, 0);
  const refundedMinor = myRefunds.filter((r) => r.refundStatus === 'succeeded').reduce((s, r) => s + r.refundAmountMinor, 0);
  const pendingRefundMinor = myRefunds.filter((r) => OPEN_REFUND.has(r.refundStatus)).reduce((s, r) => s + r.refundAmountMinor, 0);
  const refundableMinor = Math.max(0, chargedMinor - refundedMinor - pendingRefundMinor);
  const state: InvoiceStripeStatus['state'] =
    chargedMinor === 0 ? 'none' : pendingRefundMinor > 0 ? 'refund_pending' : refundedMinor >= chargedMinor ? 'refunded' : refundedMinor > 0 ? 'partially_refunded' : 'paid';
  return {
    number,
    kind: mine[0]?.kind ?? 'normal_sale',
    currency: mine[0]?.currency ?? 'usd',
    chargedMinor,
    refundedMinor,
    pendingRefundMinor,
    refundableMinor,
    state,
    unrecordedPaymentIds: succeeded.filter((p) => p.recordedOnSiteAt === null).map((p) => p.paymentId),
  };
}

/** Splits the batch results of `statusQueries` back into payments and refunds. */
export function splitStatusResults(results: unknown[]): { paymentRows: PaymentFact[]; refundRows: RefundFact[] } {
  const paymentRows: PaymentFact[] = [];
  const refundRows: RefundFact[] = [];
  results.forEach((rows, i) => {
    if (i % 2 === 0) paymentRows.push(...(rows as PaymentFact[]));
    else refundRows.push(...(rows as RefundFact[]));
  });
  return { paymentRows, refundRows };
}
