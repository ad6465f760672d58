import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBackoffice } from './index.ts';
import { getPage, submitInvoice } from './test-site.ts';

// Saves the stand-in's pages as the site adapter's fixtures (tests/extension/fixtures/*.html).
// Run after changing the site's markup: `npx tsx tests/sandbox/backoffice/save-fixtures.ts`.

const FIXTURE_DIR = resolve(import.meta.dirname, '../../extension/fixtures');
/** Pages are saved as if served from the default port, so fixtures do not change with the port. */
const STABLE_ORIGIN = 'http://127.0.0.1:8788';

const SEED_PAGES: ReadonlyArray<[file: string, path: string]> = [
  ['dashboard.html', '/'],
  ['customers.html', '/customers'],
  ['account.html', '/account'],
  ['invoice-new.html', '/invoices/new'],
  ['invoice-new-with-customer.html', '/invoices/new?customer=503'],
  ['invoice-unpaid.html', '/invoices/1042'],
  ['invoice-partly-paid.html', '/invoices/1046'],
  ['invoice-paid-propay.html', '/invoices/1041'],
  ['invoice-return-exchange.html', '/invoices/1049'],
  ['invoice-no-email-customer.html', '/invoices/1044'],
  ['invoices-paid.html', '/invoices/paid'],
  ['invoices-unpaid.html', '/invoices/unpaid'],
  ['invoice-settings.html', '/settings/invoices'],
  ['invoice-email.html', '/invoices/1042/email'],
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'backoffice-fixtures-'));
  const site = await startBackoffice({ port: 0, dataFile: join(dir, 'state.json') });
  const save = async (file: string, path: string): Promise<void> => {
    const res = await fetch(site.url + path);
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    writeFileSync(join(FIXTURE_DIR, file), (await res.text()).replaceAll(site.url, STABLE_ORIGIN));
    console.log(`saved ${file} (${path})`);
  };
  const post = async (path: string, fields: Record<string, string>): Promise<void> => {
    const res = await fetch(site.url + path, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
    if (res.status !== 303) throw new Error(`${path} answered ${res.status}`);
  };
  try {
    for (const [file, path] of SEED_PAGES) await save(file, path);
    // An invoice whose history holds a reversed ProPay payment and a card payment recorded as
    // "Other Credit Card", as after a Stripe charge and then a refund.
    const { document } = await getPage(`${site.url}/invoices/1047`);
    await post(document.querySelector('#paymentHistory form')?.getAttribute('action') ?? '', {});
    const recorded = await submitInvoice(site.url, '/invoices/1047', { other_payment_type: 'Other Credit Card', other_payment_amount: '40.00', other_payment_note: 'Stripe card ending 4242' });
    if (recorded.status !== 303) throw new Error(`recording on 1047 answered ${recorded.status}`);
    await save('invoice-with-history.html', '/invoices/1047');
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
