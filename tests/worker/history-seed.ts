// Bulk history for read tests and the bench: thousands of invoices, payments and refunds written by
// a few INSERT … SELECT statements (a recursive counter), the way the charge flow would have left them.
// D1 binds JavaScript numbers as REAL, hence the CASTs where a number becomes part of an id.

/** The part of a D1 binding seeding needs: workerd's own in tests, Miniflare's from Node in the bench. */
export interface SeedDb {
  prepare(query: string): SeedStatement;
  batch(statements: SeedStatement[]): Promise<unknown>;
}
interface SeedStatement {
  bind(...values: unknown[]): SeedStatement;
}

const COUNTER = 'WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?)';

/**
 * Gives each account `invoices` Normal Sale invoices numbered from `firstNumber`, each paid by one
 * succeeded $50.00 card payment; every `refundEvery`-th payment has a succeeded $10.00 refund.
 */
export async function seedPaidHistory(
  db: SeedDb,
  accountIds: string[],
  {
    invoices,
    firstNumber = 100_000,
    refundEvery = 5,
  }: { invoices: number; firstNumber?: number; refundEvery?: number },
): Promise<void> {
  const accounts = JSON.stringify(accountIds);
  const now = Date.now();
  await db.batch([
    db
      .prepare(
        `INSERT INTO accounts (id, business_name, livemode, default_currency, status, connected_at)
         SELECT value, 'Seeded Studio', 0, 'usd', 'connected', ?2 FROM json_each(?1) WHERE true
         ON CONFLICT (id) DO NOTHING`,
      )
      .bind(accounts, now),
    db
      .prepare(
        `INSERT INTO invoices (id, account_id, number, kind, site_customer_id, total_minor, currency, created_at)
         ${COUNTER}
         SELECT 'inv_' || a.value || '_' || (CAST(?3 AS INTEGER) + seq.i), a.value, CAST(CAST(?3 AS INTEGER) + seq.i AS TEXT), 'normal_sale', 'cust' || (seq.i % 300), 5000, 'usd', ?4
         FROM json_each(?2) AS a, seq`,
      )
      .bind(invoices, accounts, firstNumber, now),
    db
      .prepare(
        `INSERT INTO payments (id, account_id, invoice_id, source, amount_minor, currency, idempotency_key, payment_intent_id, charge_id, status, card_brand, card_last4, refunded_minor, recorded_on_site_at, created_at)
         SELECT 'pay_' || inv.id, inv.account_id, inv.id, 'stored_card', 5000, 'usd', 'seed-' || inv.id, 'pi_' || inv.id, 'ch_' || inv.id, 'succeeded', 'visa', '4242',
                CASE WHEN CAST(inv.number AS INTEGER) % ?3 = 0 THEN 1000 ELSE 0 END, ?2, ?2
         FROM invoices AS inv WHERE inv.account_id IN (SELECT value FROM json_each(?1)) AND CAST(inv.number AS INTEGER) >= ?4 AND CAST(inv.number AS INTEGER) < ?4 + ?5`,
      )
      .bind(accounts, now, refundEvery, firstNumber, invoices),
    db
      .prepare(
        `INSERT INTO refunds (id, account_id, payment_id, amount_minor, idempotency_key, stripe_refund_id, status, created_at)
         SELECT 'ref_' || p.id, p.account_id, p.id, 1000, 'seed-refund-' || p.id, 're_' || p.id, 'succeeded', ?2
         FROM payments AS p WHERE p.account_id IN (SELECT value FROM json_each(?1)) AND p.refunded_minor = 1000 AND p.idempotency_key LIKE 'seed-%'
         ON CONFLICT DO NOTHING`,
      )
      .bind(accounts, now),
  ]);
}

/** Invoice numbers as strings, `count` of them from `first`. */
export const invoiceNumbers = (first: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(first + i));
