import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startBackoffice } from './index.ts';
import { getPage, submitInvoice } from './test-site.ts';

// Saves the stand-in's pages as the site adapter's fixtures (tests/extension/fixtures/*.html).
// Run after changing the site's markup: `npx tsx tests/sandbox/backoffice/save-fixtures.ts`.

const FIXTURE_DIR = resolve(import.meta.dirname, '../../extension/fixtures');
/** Pages are saved as if served from the default port, so fixtures do not change with the port. */
const STABLE_ORIGIN = 'http://127.0.0.1:8788';
/** The day the saved pages pretend it is, so re-saving them changes only what the markup changed. */
const FIXTURE_DATE = '2025-04-08';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** The review step exists only after the site's own script runs, so a browser opens it. */
async function saveReviewStep(siteUrl: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/invoices/1042`);
    await page.fill('#payment_cash', '5.00');
    await page.fill('#payment_propay', '20.00');
    await page.click('#continueButton');
    await page.waitForSelector('#reviewStep:not([hidden]) .review-warning');
    // Typed values live in properties, which serialising drops; keep them as the fixture's attributes.
    await page.$$eval('input', (inputs) => inputs.forEach((input) => input.setAttribute('value', input.value)));
    writeFileSync(
      join(FIXTURE_DIR, 'invoice-review-step.html'),
      (await page.content()).replaceAll(siteUrl, STABLE_ORIGIN),
    );
    console.log('saved invoice-review-step.html (/invoices/1042 after Continue, Chromium)');
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'backoffice-fixtures-'));
  const site = await startBackoffice({ port: 0, dataFile: join(dir, 'state.json'), fixedDate: FIXTURE_DATE });
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
    const recorded = await submitInvoice(site.url, '/invoices/1047', {
      other_payment_type: 'Other Credit Card',
      other_payment_amount: '40.00',
      other_payment_note: 'Stripe card ending 4242',
    });
    if (recorded.status !== 303) throw new Error(`recording on 1047 answered ${recorded.status}`);
    await save('invoice-with-history.html', '/invoices/1047');
    // A new invoice the site refuses to save (no product line): the form again, with its message.
    const refused = await submitInvoice(site.url, '/invoices/new?customer=503', { payment_cash: '5.00' });
    if (refused.status !== 422) throw new Error(`the refused new invoice answered ${refused.status}`);
    writeFileSync(
      join(FIXTURE_DIR, 'invoice-new-refused.html'),
      (await refused.text()).replaceAll(site.url, STABLE_ORIGIN),
    );
    console.log('saved invoice-new-refused.html (POST /invoices/new without a product, 422)');
    await saveReviewStep(site.url);
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
