import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';

// Saved stand-in pages (made by tests/sandbox/backoffice/save-fixtures.ts), parsed as a browser would.

const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures');

export type FixtureName =
  | 'account'
  | 'customers'
  | 'dashboard'
  | 'invoice-email'
  | 'invoice-new'
  | 'invoice-new-with-customer'
  | 'invoice-new-refused'
  | 'invoice-no-email-customer'
  | 'invoice-paid-propay'
  | 'invoice-partly-paid'
  | 'invoice-return-exchange'
  | 'invoice-review-step'
  | 'invoice-settings'
  | 'invoice-unpaid'
  | 'invoice-with-history'
  | 'invoices-paid'
  | 'invoices-unpaid';

export function fixture(name: FixtureName): Document {
  return parseHTML(readFileSync(resolve(FIXTURE_DIR, `${name}.html`), 'utf8')).document;
}

export function allFixtureNames(): FixtureName[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, '') as FixtureName);
}

/** Where each saved page was served (tests/sandbox/backoffice/save-fixtures.ts), on the stand-in's default origin. */
export const FIXTURE_PAGE_URLS: Record<FixtureName, string> = {
  account: 'http://127.0.0.1:8788/account',
  customers: 'http://127.0.0.1:8788/customers',
  dashboard: 'http://127.0.0.1:8788/',
  'invoice-email': 'http://127.0.0.1:8788/invoices/1042/email',
  'invoice-new': 'http://127.0.0.1:8788/invoices/new',
  'invoice-new-with-customer': 'http://127.0.0.1:8788/invoices/new?customer=503',
  'invoice-new-refused': 'http://127.0.0.1:8788/invoices/new',
  'invoice-no-email-customer': 'http://127.0.0.1:8788/invoices/1044',
  'invoice-paid-propay': 'http://127.0.0.1:8788/invoices/1041',
  'invoice-partly-paid': 'http://127.0.0.1:8788/invoices/1046',
  'invoice-return-exchange': 'http://127.0.0.1:8788/invoices/1049',
  'invoice-review-step': 'http://127.0.0.1:8788/invoices/1042',
  'invoice-settings': 'http://127.0.0.1:8788/settings/invoices',
  'invoice-unpaid': 'http://127.0.0.1:8788/invoices/1042',
  'invoice-with-history': 'http://127.0.0.1:8788/invoices/1047',
  'invoices-paid': 'http://127.0.0.1:8788/invoices/paid',
  'invoices-unpaid': 'http://127.0.0.1:8788/invoices/unpaid',
};
