import { and, eq, sql } from 'drizzle-orm';
import type { InvoiceStripeStatus } from '../../../../shared/api';
import type { Db } from '../../env';
import { invoices, payments, refunds } from '../schema';

// Reads start from the account's invoices (the (account_id, number) index) and reach payments and
// refunds through their invoice and payment ids, so they touch only the rows of the invoices asked
// about, however long the account's history. The numbers travel as one JSON parameter: D1 binds at
// most 100 parameters, and one statement for any list keeps a read at a constant number of statements.
export function invoicesNumbered(accountId: string, numbers: string[]) {
  return and(eq(invoices.accountId, accountId), sql`${invoices.number} IN (SELECT value FROM json_each(${JSON.stringify(numbers)}))`);
}

export function paymentFactsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({ paymentId: payments.id, number: invoices.number, kind: invoices.kind, currency: payments.currency, status: payments.status, amountMinor: payments.amountMinor, paymentIntentId: payments.paymentIntentId, recordedOnSiteAt: payments.recordedOnSiteAt, createdAt: payments.createdAt })
    .from(invoices)
    .innerJoin(payments, eq(payments.invoiceId, invoices.id))
    .where(invoicesNumbered(accountId, numbers));
}

export function refundFactsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({ refundId: refunds.id, refundPaymentId: refunds.paymentId, refundStatus: refunds.status, refundAmountMinor: refunds.amountMinor })
    .from(invoices)
    .innerJoin(payments, eq(payments.invoiceId, invoices.id))
    .innerJoin(refunds, eq(refunds.paymentId, payments.id))
    .where(invoicesNumbered(accountId, numbers));
}

/**
 * The two statements reading every Stripe payment and refund of the given invoices, whatever their
 * number. Selected columns have distinct names because drizzle maps batched rows by name.
 */
export function statusQueries(db: Db, accountId: string, numbers: string[]) {
  return [paymentFactsQuery(db, accountId, numbers), refundFactsQuery(db, accountId, numbers)] as const;
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

/** The status of each invoice, rows grouped once so a list of thousands stays linear. */
export function summarizeAll(numbers: string[], paymentRows: PaymentFact[], refundRows: RefundFact[]): InvoiceStripeStatus[] {
  const paymentsByNumber = new Map<string, PaymentFact[]>();
  const numberOfPayment = new Map<string, string>();
  for (const p of paymentRows) {
    const list = paymentsByNumber.get(p.number);
    if (list) list.push(p);
    else paymentsByNumber.set(p.number, [p]);
    numberOfPayment.set(p.paymentId, p.number);
  }
  const refundsByNumber = new Map<string, RefundFact[]>();
  for (const r of refundRows) {
    const number = numberOfPayment.get(r.refundPaymentId);
    if (number === undefined) continue;
    const list = refundsByNumber.get(number);
    if (list) list.push(r);
    else refundsByNumber.set(number, [r]);
  }
  return numbers.map((n) => summarize(n, paymentsByNumber.get(n) ?? [], refundsByNumber.get(n) ?? []));
}
