import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as account from '../../../extension/src/site/account';
import * as email from '../../../extension/src/site/email';
import * as forms from '../../../extension/src/site/forms';
import * as invoice from '../../../extension/src/site/invoice';
import * as lists from '../../../extension/src/site/lists';
import { allFixtureNames, fixture } from './fixture';

// The adapter's rules, checked rather than remembered: it reads the site by the site's own
// structure, takes the document it is given, and every locator is proven on a saved page.

const SITE_DIR = resolve(import.meta.dirname, '../../../extension/src/site');
const adapterFiles = readdirSync(SITE_DIR).filter((f) => f.endsWith('.ts'));
const modules = { account, email, forms, invoice, lists };

type DomFunction = (doc: ParentNode) => unknown;

function domFunctions(prefix: 'find' | 'read'): Array<[string, DomFunction]> {
  return Object.values(modules).flatMap((mod) =>
    Object.entries(mod).filter(
      (entry): entry is [string, DomFunction] => entry[0].startsWith(prefix) && typeof entry[1] === 'function',
    ),
  );
}

function found(result: unknown): boolean {
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined;
}

describe('site adapter conventions', () => {
  it('never finds anything by data-testid, which the real site does not have', () => {
    for (const file of adapterFiles) expect(readFileSync(resolve(SITE_DIR, file), 'utf8'), file).not.toMatch(/testid/i);
  });

  it('reads only the document it is given, never the global one', () => {
    for (const file of adapterFiles)
      expect(readFileSync(resolve(SITE_DIR, file), 'utf8'), file).not.toMatch(/\b(document|window)\s*\./);
  });

  it('has locators and readers to check', () => {
    expect(domFunctions('find').map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'findPaymentFields',
        'findContinueButton',
        'findReviewStep',
        'findConfirmButton',
        'findOtherPaymentFields',
        'findGatewaySettingsSlot',
      ]),
    );
    expect(domFunctions('read').map(([name]) => name)).toEqual(
      expect.arrayContaining(['readInvoice', 'readRecordedPayments', 'readInvoiceRows', 'readGateways']),
    );
  });

  for (const [name, locate] of [...domFunctions('find'), ...domFunctions('read')]) {
    it(`${name} finds what it looks for in at least one saved page`, () => {
      const hits = allFixtureNames().filter((page) => found(locate(fixture(page))));
      expect(hits, name).not.toEqual([]);
    });
  }
});
