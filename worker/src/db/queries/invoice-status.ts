import { and, eq, sql } from 'drizzle-orm';
import type { InvoiceStripeStatus } from '../../../../shared/api';
import type { Db } from '../../env';
import { invoices, payments, refunds } from '../schema';

// Reads start from the account's invoices (the (account_id, number) index) and reach payments and
// refunds through their invoice and payment ids, so they touch only the rows of the invoices asked
// about, however long the account's history. The numbers travel as one JSON parameter: D1 binds at
// most 100 parameters, and one statement for any list keeps a read at a constant number of statements.
function invoicesNumbered(accountId: string, numbers: string[]) {
  return and(
    eq(invoices.accountId, accountId),
    sql`${invoices.number} IN (SELECT value FROM json_each(${JSON.stringify(numbers)}))`,
  );
}

export function paymentFactsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({
      paymentId: payments.id,
      number: invoices.number,
      kind: invoices.kind,
      currency: payments.currency,
      status: payments.status,
      amountMinor: payments.amountMinor,
      paymentIntentId: payments.paymentIntentId,
      recordedOnSiteAt: payments.recordedOnSiteAt,
      createdAt: payments.createdAt,
      cardBrand: payments.cardBrand,
      cardLast4: payments.cardLast4,
    })
    .from(invoices)
    .innerJoin(payments, eq(payments.invoiceId, invoices.id))
    .where(invoicesNumbered(accountId, numbers));
}

export function refundFactsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({
      refundId: refunds.id,
      refundPaymentId: refunds.paymentId,
      refundStatus: refunds.status,
      refundAmountMinor: refunds.amountMinor,
      refundAt: sql<number>`coalesce(${refunds.updatedAt}, ${refunds.createdAt})`,
    })
    .from(invoices)
    .innerJoin(payments, eq(payments.invoiceId, invoices.id))
    .innerJoin(refunds, eq(refunds.paymentId, payments.id))
    .where(invoicesNumbered(accountId, numbers));
}

export type PaymentFact = {
  paymentId: string;
  number: string;
  kind: 'normal_sale' | 'return_exchange';
  currency: string;
  status: string;
  amountMinor: number;
  paymentIntentId: string | null;
  recordedOnSiteAt: number | null;
  createdAt: number;
  cardBrand: string | null;
  cardLast4: string | null;
};
export type RefundFact = {
  refundId: string;
  refundPaymentId: string;
  refundStatus: string;
  refundAmountMinor: number;
  refundAt: number;
};

const OPEN_REFUND = new Set(['pending', 'unknown', 'requires_action']);

/** Per succeeded payment, what can still be refunded (charged − refunded − refunds in flight). */
export function refundableByPayment(paymentRows: PaymentFact[], refundRows: RefundFact[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of paymentRows) if (p.status === 'succeeded') out.set(p.paymentId, p.amountMinor);
  for (const r of refundRows) {
    if (r.refundStatus === 'succeeded' || OPEN_REFUND.has(r.refundStatus))
      out.set(r.refundPaymentId, (out.get(r.refundPaymentId) ?? 0) - r.refundAmountMinor);
  }
  return out;
}

/** What an invoice's status is computed from: sums over its payments and their refunds. */
interface StatusTotals {
  number: string;
  kind: 'normal_sale' | 'return_exchange';
  currency: string;
  chargedMinor: number;
  refundedMinor: number;
  pendingRefundMinor: number;
  unrecordedPaymentIds: string[];
  card: InvoiceStripeStatus['card'];
  lastRefundAt: number | null;
}

/** The one card of the succeeded payments, as the SQL below finds it: null for none or several. */
function oneCard(succeeded: PaymentFact[]): InvoiceStripeStatus['card'] {
  const last4s = new Set(succeeded.flatMap((p) => (p.cardLast4 === null ? [] : [p.cardLast4])));
  const brands = succeeded.flatMap((p) => (p.cardBrand === null ? [] : [p.cardBrand])).sort();
  const [last4] = [...last4s];
  const brand = brands.at(-1);
  return last4s.size === 1 && last4 !== undefined && brand !== undefined ? { brand, last4 } : null;
}

function statusOf(t: StatusTotals): InvoiceStripeStatus {
  const { chargedMinor, refundedMinor, pendingRefundMinor } = t;
  const refundableMinor = Math.max(0, chargedMinor - refundedMinor - pendingRefundMinor);
  const state: InvoiceStripeStatus['state'] =
    chargedMinor === 0
      ? 'none'
      : pendingRefundMinor > 0
        ? 'refund_pending'
        : refundedMinor >= chargedMinor
          ? 'refunded'
          : refundedMinor > 0
            ? 'partially_refunded'
            : 'paid';
  return { ...t, refundableMinor, state };
}

export function summarize(number: string, paymentRows: PaymentFact[], refundRows: RefundFact[]): InvoiceStripeStatus {
  const mine = paymentRows.filter((p) => p.number === number);
  const ids = new Set(mine.map((p) => p.paymentId));
  const myRefunds = refundRows.filter((r) => ids.has(r.refundPaymentId));
  const succeeded = mine.filter((p) => p.status === 'succeeded');
  return statusOf({
    number,
    kind: mine[0]?.kind ?? 'normal_sale',
    currency: mine[0]?.currency ?? 'usd',
    chargedMinor: succeeded.reduce((s, p) => s + p.amountMinor, 0),
    refundedMinor: myRefunds.filter((r) => r.refundStatus === 'succeeded').reduce((s, r) => s + r.refundAmountMinor, 0),
    pendingRefundMinor: myRefunds
      .filter((r) => OPEN_REFUND.has(r.refundStatus))
      .reduce((s, r) => s + r.refundAmountMinor, 0),
    unrecordedPaymentIds: succeeded.filter((p) => p.recordedOnSiteAt === null).map((p) => p.paymentId),
    card: oneCard(succeeded),
    lastRefundAt:
      myRefunds
        .filter((r) => r.refundStatus === 'succeeded')
        .reduce<number | null>((latest, r) => Math.max(latest ?? 0, r.refundAt), null) ?? null,
  });
}

const refundSum = (statuses: string) =>
  sql<number>`(SELECT coalesce(sum(${refunds.amountMinor}), 0) FROM ${refunds} WHERE ${refunds.paymentId} = ${payments.id} AND ${refunds.status} IN ${sql.raw(statuses)})`;

/**
 * One row of sums per listed invoice that has Stripe payments: a list of thousands is one statement
 * whose answer is as small as the list, each payment's refunds found by the refunds_payment index.
 */
export function statusTotalsQuery(db: Db, accountId: string, numbers: string[]) {
  return db
    .select({
      number: invoices.number,
      kind: invoices.kind,
      currency: sql<string>`max(${payments.currency})`,
      chargedMinor: sql<number>`coalesce(sum(CASE WHEN ${payments.status} = 'succeeded' THEN ${payments.amountMinor} END), 0)`,
      refundedMinor: sql<number>`coalesce(sum(${refundSum("('succeeded')")}), 0)`,
      pendingRefundMinor: sql<number>`coalesce(sum(${refundSum("('pending', 'unknown', 'requires_action')")}), 0)`,
      unrecorded: sql<
        string | null
      >`group_concat(CASE WHEN ${payments.status} = 'succeeded' AND ${payments.recordedOnSiteAt} IS NULL THEN ${payments.id} END)`,
      cardCount: sql<number>`count(DISTINCT CASE WHEN ${payments.status} = 'succeeded' THEN ${payments.cardLast4} END)`,
      cardBrand: sql<string | null>`max(CASE WHEN ${payments.status} = 'succeeded' THEN ${payments.cardBrand} END)`,
      cardLast4: sql<string | null>`max(CASE WHEN ${payments.status} = 'succeeded' THEN ${payments.cardLast4} END)`,
      lastRefundAt: sql<
        number | null
      >`max((SELECT max(coalesce(${refunds.updatedAt}, ${refunds.createdAt})) FROM ${refunds} WHERE ${refunds.accountId} = ${accountId} AND ${refunds.paymentId} = ${payments.id} AND ${refunds.status} = 'succeeded'))`,
    })
    .from(invoices)
    .innerJoin(payments, eq(payments.invoiceId, invoices.id))
    .where(invoicesNumbered(accountId, numbers))
    .groupBy(invoices.id);
}

type StatusTotalsRow = Awaited<ReturnType<typeof statusTotalsQuery>>[number];

/** The status of each listed invoice, in the list's order; invoices without payments are `none`. */
export function statusesOf(numbers: string[], rows: StatusTotalsRow[]): InvoiceStripeStatus[] {
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbers.map((number) => {
    const r = byNumber.get(number);
    if (!r)
      return statusOf({
        number,
        kind: 'normal_sale',
        currency: 'usd',
        chargedMinor: 0,
        refundedMinor: 0,
        pendingRefundMinor: 0,
        unrecordedPaymentIds: [],
        card: null,
        lastRefundAt: null,
      });
    const { unrecorded, cardCount, cardBrand, cardLast4, ...totals } = r;
    return statusOf({
      ...totals,
      unrecordedPaymentIds: unrecorded ? unrecorded.split(',') : [],
      card: cardCount === 1 && cardBrand !== null && cardLast4 !== null ? { brand: cardBrand, last4: cardLast4 } : null,
    });
  });
}
