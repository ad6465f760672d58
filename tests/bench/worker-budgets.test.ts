import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect, it } from 'vitest';
import app from '../../worker/src/index';
import { BASE, secondBrowser } from '../worker/factories';
import { MAX_STATUS_INVOICES } from '../../shared/api';
import { simControl } from '../worker/stripe-world';
import { connectedStripeAccount, saveTestCard, signedEventFor, workerStripeRequests } from './bench-world';
import { countingD1 } from './counting-d1';

// Figures for `npm run bench`: printed as BENCH lines the runner collects. The expectations are
// the budgets of DESIGN.md, so a change that breaks one fails the bench.

const d1 = countingD1(env.DB);
const countedEnv = { ...env, DB: d1.db };

async function call(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, init), countedEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

function report(name: string, value: number, unit: string, budget: string) {
  console.log(`BENCH ${JSON.stringify({ name, value, unit, budget })}`);
}

it('measures D1 round trips and Stripe calls on the charge, read and webhook paths', async () => {
  const acct = await connectedStripeAccount();
  const customer = { id: 'bench1', name: 'Bench Customer', email: 'bench@example.com' };
  await saveTestCard(acct, customer, 'pm_card_visa');

  const invoiceNumbered = (number: string) => ({
    number,
    kind: 'normal_sale',
    totalMinor: 5000,
    balanceDueMinor: 5000,
    currency: 'usd',
    customer,
  });
  const chargeOf = (auth: Record<string, string>, number: string) =>
    call('/api/charges', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        attemptId: `bench_${crypto.randomUUID()}`,
        invoice: invoiceNumbered(number),
        amountMinor: 5000,
      }),
    });

  // A browser this isolate has not answered yet: its token is checked on a round trip of its own.
  const laptop = await secondBrowser(acct.id);
  d1.reset();
  expect((await chargeOf(laptop.auth, '9000')).status).toBe(200);
  const firstChargeTrips = d1.roundTrips();
  report(
    'D1 round trips per charge, a browser the isolate has not seen (incl. token check)',
    firstChargeTrips,
    'round trips',
    '≤ 3',
  );

  // The same browser again, as on every later Confirm: the token is checked inside the charge's batch.
  workerStripeRequests.length = 0;
  d1.reset();
  const started = performance.now();
  const charge = await chargeOf(laptop.auth, '9001');
  const chargeMs = performance.now() - started;
  expect(charge.status).toBe(200);
  const chargeTrips = d1.roundTrips();
  const paymentIntentCreates = workerStripeRequests.filter(
    (r) => r.method === 'POST' && r.path === '/v1/payment_intents',
  ).length;
  report('D1 round trips per charge (incl. token check)', chargeTrips, 'round trips', '≤ 3');
  report('PaymentIntent creates per Confirm', paymentIntentCreates, 'calls', 'exactly 1');
  report('charge request, in-process simulator', Math.round(chargeMs * 10) / 10, 'ms', 'figure');
  expect(paymentIntentCreates).toBe(1);

  d1.reset();
  const read = await call(`/api/invoices/9001/payments?customer=${customer.id}`, { headers: laptop.auth });
  expect(read.status).toBe(200);
  report('D1 round trips per read (invoice history + card, incl. token check)', d1.roundTrips(), 'round trips', '1');
  expect(d1.roundTrips()).toBe(1);

  const numbers = ['9001', ...Array.from({ length: 499 }, (_, i) => `8${i}`)];
  d1.reset();
  const listStarted = performance.now();
  const list = await call(`/api/invoices/status?numbers=${numbers.join(',')}`, { headers: laptop.auth });
  const listMs = performance.now() - listStarted;
  expect(list.status).toBe(200);
  report('Paid-list status for 500 invoices: requests', 1, 'request', '1');
  report('Paid-list status for 500 invoices: D1 round trips (incl. token check)', d1.roundTrips(), 'round trips', '1');
  expect(d1.roundTrips()).toBe(1);
  report('Paid-list status for 500 invoices, in-process', Math.round(listMs * 10) / 10, 'ms', 'figure');

  const most = ['9001', ...Array.from({ length: MAX_STATUS_INVOICES - 1 }, (_, i) => `7${i}`)];
  d1.reset();
  const longList = await call('/api/invoices/status', {
    method: 'POST',
    headers: { ...laptop.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ numbers: most }),
  });
  expect(longList.status).toBe(200);
  report(
    `Paid-list status for ${MAX_STATUS_INVOICES} invoices (POST): D1 round trips (incl. token check)`,
    d1.roundTrips(),
    'round trips',
    '1',
  );
  expect(d1.roundTrips()).toBe(1);

  await simControl('/_sim/balance', { account: acct.id, currency: 'usd', available: 100_000, pending: 0 });
  d1.reset();
  const refund = await call('/api/refunds', {
    method: 'POST',
    headers: { ...acct.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      attemptId: `bench_${crypto.randomUUID()}`,
      invoiceNumber: '9001',
      kind: 'normal_sale',
      amountMinor: 1000,
    }),
  });
  expect(refund.status).toBe(200);
  report('D1 round trips per refund (incl. token check)', d1.roundTrips(), 'round trips', 'figure');

  const { payload, header } = await signedEventFor('customer.updated', acct.id);
  d1.reset();
  const hook = await call('/webhooks/stripe', {
    method: 'POST',
    headers: { 'stripe-signature': header, 'content-type': 'application/json' },
    body: payload,
  });
  expect(hook.status).toBe(200);
  report('D1 round trips per webhook', d1.roundTrips(), 'round trips', '≤ 2');
  expect(d1.roundTrips()).toBeLessThanOrEqual(2);
  expect(firstChargeTrips).toBeLessThanOrEqual(3);
  expect(chargeTrips).toBeLessThanOrEqual(3);
});
