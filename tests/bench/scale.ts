// The scale run of `npm run bench`: the built worker in workerd (Miniflare) on a D1 holding a small
// account (500 payments) and a large one (50,000) among 1,000 other accounts, the Stripe simulator
// over HTTP. Each flow is timed from Node, alternating small and large, and reported as medians and
// their ratio (large ÷ small): a read that grows with history shows up as a ratio well above 1.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Miniflare } from 'miniflare';
import { bundleModules } from './bundle-modules';
import Stripe from 'stripe';
import { freePort, stopAll } from '../../scripts/lib/processes';
import { startSimulator } from '../../scripts/lib/sandbox';
import { hashSecret, randomSecret } from '../../worker/src/crypto';
import { invoiceNumbers, seedPaidHistory, type SeedDb } from '../worker/history-seed';

interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: string;
}

const root = resolve(import.meta.dirname, '../..');
const RUNS = 15;
const FIRST = 100_000;
const customer = { id: 'benchcust', name: 'Bench Customer', email: 'bench@example.com' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function applyMigrations(db: SeedDb): Promise<void> {
  const dir = join(root, 'worker/migrations');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const statements = readFileSync(join(dir, file), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    await db.batch(statements.map((s) => db.prepare(s)));
  }
}

interface Account {
  id: string;
  auth: Record<string, string>;
}

export async function measureScale(bundlePath: string): Promise<Figure[]> {
  const sim = await startSimulator(await freePort());
  const simUrl = new URL(sim.url);
  const bindings = {
    STRIPE_SECRET_KEY: 'sk_test_benchscale',
    STRIPE_WEBHOOK_SECRET: 'whsec_benchscale',
    STRIPE_API_HOST: simUrl.hostname,
    STRIPE_API_PORT: simUrl.port,
    STRIPE_API_PROTOCOL: 'http',
    STRIPE_OAUTH_AUTHORIZE_URL: `${sim.url}/oauth/authorize`,
    STRIPE_CONNECT_CLIENT_ID: 'ca_benchscale',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_benchscale',
    STRIPE_JS_URL: `${sim.url}/v3/`,
    PUBLIC_URL: 'http://127.0.0.1:8787',
    RATE_LIMIT_SCALE: '1',
  };
  const mf = new Miniflare({
    modules: bundleModules(bundlePath),
    modulesRoot: dirname(bundlePath),
    compatibilityDate: '2026-04-20',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: ['DB'],
    bindings,
  });
  try {
    const db = (await mf.getD1Database('DB')) as unknown as SeedDb;
    await applyMigrations(db);
    const platform = new Stripe(bindings.STRIPE_SECRET_KEY, {
      host: simUrl.hostname,
      port: Number(simUrl.port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const call = async (path: string, init: RequestInit = {}) => {
      const res = await mf.dispatchFetch(`http://127.0.0.1:8787${path}`, init as never);
      const text = await res.text();
      return { status: res.status, text };
    };
    const json = (acct: Account, body: unknown): RequestInit => ({
      method: 'POST',
      headers: { ...acct.auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    async function account(name: string): Promise<Account> {
      const stripeAccount = await platform.accounts.create({
        type: 'standard',
        business_profile: { name },
        country: 'US',
        default_currency: 'usd',
      });
      const token = randomSecret('qtsb_');
      await db.batch([
        db
          .prepare(
            "INSERT INTO accounts (id, business_name, livemode, default_currency, status, connected_at) VALUES (?, ?, 0, 'usd', 'connected', ?)",
          )
          .bind(stripeAccount.id, name, Date.now()),
        db
          .prepare('INSERT INTO consultant_tokens (id, token_hash, account_id, created_at) VALUES (?, ?, ?, ?)')
          .bind(`tok_${stripeAccount.id}`, await hashSecret(token), stripeAccount.id, Date.now()),
      ]);
      const acct = { id: stripeAccount.id, auth: { authorization: `Bearer ${token}` } };
      // The card on file, saved the way the card page saves it.
      const link = await call('/api/card-links', json(acct, { customer }));
      if (link.status !== 200) throw new Error(`card link: ${link.status} ${link.text}`);
      const cardToken = (JSON.parse(link.text) as { url: string }).url.split('/card/')[1] ?? '';
      const setupIntentId = (await platform.setupIntents.list({ limit: 1 }, { stripeAccount: acct.id })).data[0]?.id;
      if (!setupIntentId) throw new Error('no SetupIntent for the card link');
      await platform.setupIntents.confirm(
        setupIntentId,
        { payment_method: 'pm_card_visa' },
        { stripeAccount: acct.id },
      );
      const done = await call(`/card/${cardToken}/complete`, { method: 'POST' });
      if (done.status !== 200) throw new Error(`card complete: ${done.status} ${done.text}`);
      await fetch(`${sim.url}/_sim/balance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: acct.id, currency: 'usd', available: 100_000_000, pending: 0 }),
      });
      return acct;
    }

    const small = await account('Small Studio');
    const large = await account('Large Studio');
    const seedStarted = performance.now();
    await seedPaidHistory(
      db,
      Array.from({ length: 1000 }, (_, i) => `acct_other${i}`),
      { invoices: 50, firstNumber: FIRST },
    );
    await seedPaidHistory(db, [small.id], { invoices: 500, firstNumber: FIRST });
    await seedPaidHistory(db, [large.id], { invoices: 50_000, firstNumber: FIRST });
    const seedMs = performance.now() - seedStarted;

    type Flow = (acct: Account, run: number) => Promise<{ status: number; text: string }>;
    const flows: Record<string, Flow> = {
      // The floor every request pays (routing, no D1, no Stripe): the charge is held to 3× it.
      health: () => call('/health'),
      'status, 500 invoices': (acct) =>
        call('/api/invoices/status', json(acct, { numbers: invoiceNumbers(FIRST, 500) })),
      'status, 5,000 invoices': (acct) =>
        call('/api/invoices/status', json(acct, { numbers: invoiceNumbers(FIRST, 5000) })),
      'card on file + invoice history read': (acct) =>
        call(`/api/invoices/${FIRST + 250}/payments?customer=${customer.id}`, { headers: acct.auth }),
      charge: (acct, run) =>
        call(
          '/api/charges',
          json(acct, {
            attemptId: `bench_${crypto.randomUUID()}`,
            invoice: {
              number: String(900_000 + run),
              kind: 'normal_sale',
              totalMinor: 5000,
              balanceDueMinor: 5000,
              currency: 'usd',
              customer,
            },
            amountMinor: 5000,
          }),
        ),
      refund: (acct, run) =>
        call(
          '/api/refunds',
          json(acct, {
            attemptId: `bench_${crypto.randomUUID()}`,
            invoiceNumber: String(900_000 + run),
            kind: 'normal_sale',
            amountMinor: 1000,
          }),
        ),
    };
    const timings = new Map<string, { small: number[]; large: number[] }>(
      Object.keys(flows).map((name) => [name, { small: [], large: [] }]),
    );
    // One warm-up run (its charge pays invoice 899999), then RUNS alternating runs.
    for (let run = -1; run < RUNS; run += 1) {
      for (const [name, flow] of Object.entries(flows)) {
        for (const [which, acct] of [
          ['small', small],
          ['large', large],
        ] as const) {
          const started = performance.now();
          const res = await flow(acct, run);
          const ms = performance.now() - started;
          if (res.status !== 200) throw new Error(`${name} (${which}): ${res.status} ${res.text.slice(0, 300)}`);
          if (run >= 0) timings.get(name)?.[which].push(ms);
        }
      }
    }

    const figures: Figure[] = [
      {
        name: 'scale run: seeding 101,000 paid invoices (1,002 accounts)',
        value: Math.round(seedMs),
        unit: 'ms',
        budget: 'figure',
      },
    ];
    for (const [name, { small: s, large: l }] of timings) {
      // /health reads nothing of an account: one figure, the floor the charge is held to.
      if (name === 'health') {
        figures.push({
          name: `health, median of ${RUNS * 2}`,
          value: round(median([...s, ...l])),
          unit: 'ms',
          budget: 'figure',
        });
        continue;
      }
      const ratio = round(median(l) / median(s), 2);
      // The 5,000-invoice list finds 500 paid invoices in the small account and 5,000 in the large:
      // its ratio shows the cost of the rows found, not of the history around them.
      const budget =
        name === 'status, 500 invoices' || name.startsWith('card')
          ? '≤ 1.5×'
          : name.startsWith('status')
            ? 'figure: 10× the paid invoices listed'
            : 'figure';
      figures.push({
        name: `${name}: 500-payment account, median of ${RUNS}`,
        value: round(median(s)),
        unit: 'ms',
        budget: 'figure',
      });
      figures.push({
        name: `${name}: 50,000-payment account, median of ${RUNS}`,
        value: round(median(l)),
        unit: 'ms',
        budget: 'figure',
      });
      figures.push({ name: `${name}: large ÷ small`, value: ratio, unit: '×', budget });
    }
    const health = timings.get('health');
    figures.push({
      name: 'charge ÷ health at p50 (500-payment account)',
      value: round(
        median(timings.get('charge')?.small ?? []) / median([...(health?.small ?? []), ...(health?.large ?? [])]),
        2,
      ),
      unit: '×',
      budget: '≤ 3×',
    });
    return figures;
  } finally {
    await mf.dispose();
    await stopAll();
  }
}

if (process.argv[1] === import.meta.filename && process.argv[2]) {
  for (const f of await measureScale(process.argv[2])) console.log(`BENCH ${JSON.stringify(f)}`);
}
