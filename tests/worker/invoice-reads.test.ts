import { env, SELF } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { MAX_STATUS_INVOICES, type InvoiceStripeStatus, type PaymentSummary } from '../../shared/api';
import {
  paymentFactsQuery,
  refundFactsQuery,
  statusTotalsQuery,
  summarize,
} from '../../worker/src/db/queries/invoice-status';
import { selectInvoiceHistory } from '../../worker/src/db/queries/invoice-reads';
import * as schema from '../../worker/src/db/schema';
import { BASE, fakeConnectedAccount } from './factories';
import { invoiceNumbers, seedPaidHistory } from './history-seed';

const db = drizzle(env.DB, { schema });

async function postStatus(auth: Record<string, string>, numbers: string[]) {
  const res = await SELF.fetch(`${BASE}/api/invoices/status`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ numbers }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { invoices: InvoiceStripeStatus[]; error?: { code: string } },
  };
}

/** What SQLite will do for a statement: one line per table visited (SCAN = every row, SEARCH = by index). */
async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

describe('Paid list status at scale', () => {
  it('answers 5,000 invoices in one request, each with its own payments and refunds', async () => {
    const acct = await fakeConnectedAccount();
    await seedPaidHistory(env.DB, [acct.id], { invoices: MAX_STATUS_INVOICES, firstNumber: 100_000, refundEvery: 5 });
    const { status, body } = await postStatus(acct.auth, invoiceNumbers(100_000, MAX_STATUS_INVOICES));
    expect(status).toBe(200);
    expect(body.invoices).toHaveLength(5000);
    expect(body.invoices[0]).toMatchObject({
      number: '100000',
      state: 'partially_refunded',
      chargedMinor: 5000,
      refundedMinor: 1000,
      refundableMinor: 4000,
    });
    expect(body.invoices[1]).toMatchObject({ number: '100001', state: 'paid', chargedMinor: 5000, refundedMinor: 0 });
    expect(body.invoices.filter((i) => i.state === 'partially_refunded')).toHaveLength(1000);
  });

  it('sums refunds in flight, failed payments and payments not yet written on the site the way a single invoice is summarized', async () => {
    const acct = await fakeConnectedAccount();
    await seedPaidHistory(env.DB, [acct.id], { invoices: 6, firstNumber: 500_000, refundEvery: 2 });
    const pay = (n: number) => `pay_inv_${acct.id}_${n}`;
    await env.DB.batch([
      env.DB.prepare("UPDATE refunds SET status = 'pending' WHERE payment_id = ?").bind(pay(500_002)),
      env.DB.prepare("UPDATE refunds SET status = 'failed' WHERE payment_id = ?").bind(pay(500_004)),
      env.DB.prepare("UPDATE payments SET status = 'failed' WHERE id = ?").bind(pay(500_001)),
      env.DB.prepare('UPDATE payments SET recorded_on_site_at = NULL WHERE id = ?').bind(pay(500_003)),
    ]);
    const numbers = invoiceNumbers(500_000, 7);
    const { body } = await postStatus(acct.auth, numbers);
    const [paymentRows, refundRows] = await db.batch([
      paymentFactsQuery(db, acct.id, numbers),
      refundFactsQuery(db, acct.id, numbers),
    ]);
    expect(body.invoices).toEqual(numbers.map((n) => summarize(n, paymentRows, refundRows)));
    expect(body.invoices.map((i) => i.state)).toEqual([
      'partially_refunded',
      'none',
      'refund_pending',
      'paid',
      'paid',
      'paid',
      'none',
    ]);
    expect(body.invoices[3]?.unrecordedPaymentIds).toEqual([pay(500_003)]);
  });

  it("never shows another account's payments for the same invoice numbers", async () => {
    const [mine, other] = [await fakeConnectedAccount(), await fakeConnectedAccount()];
    await seedPaidHistory(env.DB, [other.id], { invoices: 10, firstNumber: 700_000 });
    const { body } = await postStatus(mine.auth, invoiceNumbers(700_000, 10));
    expect(body.invoices.map((i) => i.state)).toEqual(Array(10).fill('none'));
  });

  it('refuses more than 5,000 invoices and numbers that are not invoice numbers, by body and by query', async () => {
    const acct = await fakeConnectedAccount();
    expect((await postStatus(acct.auth, invoiceNumbers(1, MAX_STATUS_INVOICES + 1))).status).toBe(400);
    expect((await postStatus(acct.auth, ['1001', "1' OR 1=1"])).body.error?.code).toBe('validation_failed');
    const byQuery = await SELF.fetch(
      `${BASE}/api/invoices/status?numbers=${invoiceNumbers(1, MAX_STATUS_INVOICES + 1).join(',')}`,
      { headers: acct.auth },
    );
    expect(byQuery.status).toBe(400);
  });
});

describe('reads do not walk the account history', () => {
  it('finds status and history rows through the invoices index, never scanning payments or refunds', async () => {
    const acct = await fakeConnectedAccount();
    await seedPaidHistory(env.DB, [acct.id], { invoices: 200, firstNumber: 300_000 });
    const numbers = invoiceNumbers(300_000, 50);
    const queries = [
      statusTotalsQuery(db, acct.id, numbers),
      paymentFactsQuery(db, acct.id, numbers),
      refundFactsQuery(db, acct.id, numbers),
      selectInvoiceHistory(db, acct.id, '300001'),
    ];
    for (const plan of await Promise.all(queries.map(planOf))) {
      expect(plan.join('\n')).toMatch(/SEARCH invoices USING (COVERING )?INDEX invoices_number/);
      expect(plan.filter((line) => /^SCAN (payments|refunds|invoices)\b/.test(line))).toEqual([]);
    }
  });

  it('shows one invoice its own payment history and the card on file', async () => {
    const acct = await fakeConnectedAccount();
    await seedPaidHistory(env.DB, [acct.id], { invoices: 3, firstNumber: 400_000 });
    const res = await SELF.fetch(`${BASE}/api/invoices/400001/payments?customer=cust1`, { headers: acct.auth });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { payments: PaymentSummary[]; card: unknown };
    expect(body.payments.map((p) => [p.invoiceNumber, p.status, p.amountMinor])).toEqual([
      ['400001', 'succeeded', 5000],
    ]);
    expect(body.card).toBeNull();
  });
});
