import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';

// Saved stand-in pages (made by tests/sandbox/backoffice/save-fixtures.ts), parsed as a browser would.

export const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures');

export type FixtureName =
  | 'account' | 'customers' | 'dashboard' | 'invoice-email' | 'invoice-new' | 'invoice-new-with-customer'
  | 'invoice-no-email-customer' | 'invoice-paid-propay' | 'invoice-partly-paid' | 'invoice-return-exchange'
  | 'invoice-review-step' | 'invoice-settings' | 'invoice-unpaid' | 'invoice-with-history' | 'invoices-paid' | 'invoices-unpaid';

export function fixture(name: FixtureName): Document {
  return parseHTML(readFileSync(resolve(FIXTURE_DIR, `${name}.html`), 'utf8')).document;
}

export function allFixtureNames(): FixtureName[] {
  return readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '') as FixtureName);
}
