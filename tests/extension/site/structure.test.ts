import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as shape from '../../../extension/src/site/shape';
import { structureReport } from '../../../extension/src/site/structure';
import { centsToInputText } from '../../../extension/src/site/money';
import { balanceDueCents, customerName, totalCents } from '../../sandbox/backoffice/model';
import { seedState } from '../../sandbox/backoffice/seed';
import { startTestSite, submitInvoice, type TestSite } from '../../sandbox/backoffice/test-site';
import { allFixtureNames, fixture, FIXTURE_PAGE_URLS } from './fixture';
import { RENAMED } from './renamed';

// The structure report a consultant sends to support: the stand-in's pages, full of customer data,
// go in; nothing but structure comes out, and the adapter's own checks still read it.

const allChecks = Object.values(shape).filter(
  (value): value is shape.ShapeCheck =>
    typeof value === 'object' && value !== null && 'find' in value && 'name' in value,
);
const reportOf = (doc: Document, url: string, missing: string[] = []) => structureReport(missing, '0.1.0', doc, url);
const parse = (report: string) => parseHTML(`<html>${report}</html>`).document as unknown as Document;

/** Every value of the seeded site a report must not carry: people, contacts, amounts, numbers, notes. */
function customerValues(): string[] {
  const state = seedState();
  const money = (cents: number) => `$${centsToInputText(cents)}`;
  return [
    ...state.customers.flatMap((c) => [c.firstName, c.lastName, customerName(c), c.email ?? '', c.phone, c.city]),
    ...Object.values(state.consultant),
    ...state.gateways.flatMap((g) => [g.accountNumber ?? '']),
    ...state.invoices.flatMap((inv) => [
      inv.number,
      money(totalCents(inv)),
      money(balanceDueCents(inv)),
      ...inv.lines.flatMap((l) => [l.product, l.sku]),
      ...inv.payments.map((p) => p.checkNumber ?? ''),
    ]),
    'Stripe card ending 4242',
    '4242',
  ].filter((value) => value.length > 2);
}

function leaks(report: string): string[] {
  const body = report.split('\n').slice(1).join('\n');
  const found = customerValues().filter((value) => body.toLowerCase().includes(value.toLowerCase()));
  // Heading tags (h1…h6) are the only digits structure may hold.
  const withoutHeadingTags = body.replace(/<\/?h[1-6]\b/g, '');
  if (/\d/.test(withoutHeadingTags)) found.push(`a digit: ${/.*\d.*/.exec(withoutHeadingTags)?.[0] ?? ''}`);
  if (/@/.test(body)) found.push('an @');
  return found;
}

describe('structure report', () => {
  it('is checked against the seeded people, contacts, amounts and numbers', () => {
    expect(customerValues().length).toBeGreaterThan(60);
    const [first] = seedState().customers;
    if (!first) throw new Error('the seed has no customers');
    expect(fixture('invoices-paid').body.textContent).toContain(customerName(first));
  });

  it.each(allFixtureNames())('of the saved %s page carries no customer value, amount or number', (name) => {
    expect(leaks(reportOf(fixture(name), FIXTURE_PAGE_URLS[name]))).toEqual([]);
  });

  describe('of pages the stand-in renders with customer data typed in', () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await startTestSite();
      // A payment with a note a consultant might type, with a card number and an e-mail in it.
      const saved = await submitInvoice(site.url, '/invoices/1042', {
        other_payment_type: 'Other Credit Card',
        other_payment_amount: '12.34',
        other_payment_note: 'Paid by Jane Cooper 4242424242424242 jane.cooper@example.com',
      });
      expect(saved.status).toBe(303);
    });
    afterAll(() => site.dispose());

    for (const path of [
      '/account',
      '/invoices/new?customer=503',
      '/invoices/1042',
      '/invoices/1046',
      '/invoices/1041',
      '/invoices/paid',
      '/invoices/unpaid',
      '/invoices/1042/email',
      '/customers',
      '/',
    ]) {
      it(`drops every value from ${path}`, async () => {
        const html = await (await fetch(site.url + path)).text();
        const report = reportOf(parseHTML(html).document as unknown as Document, site.url + path);
        expect(leaks(report)).toEqual([]);
        expect(report).not.toMatch(/Jane|Cooper|jane\.cooper|12\.34/);
      });
    }
  });

  it('keeps what fitting the adapter needs: ids, names, classes, labels, headers, button words, paths', () => {
    const report = reportOf(fixture('invoice-unpaid'), FIXTURE_PAGE_URLS['invoice-unpaid'], ['balance due']);
    expect(report.split('\n')[0]).toBe(
      '<!-- QT Stripe Bridge 0.1.0 structure report of /invoices/#; missing: balance due -->',
    );
    expect(report).toContain('<form id="invoiceForm" action="/invoices/#">');
    expect(report).toContain('<label for="customerId">Customer</label>');
    expect(report).toContain('<select id="customerId" name="customer_id">');
    expect(report).toContain('<th>Balance Due</th>');
    expect(report).toContain('<td id="balanceDue"></td>');
    expect(report).toContain('<button id="confirmButton" class="btn" type="submit">Confirm</button>');
  });

  it.each(allFixtureNames())(
    "of the %s page passes and fails the adapter's checks exactly as the page does",
    (name) => {
      const page = fixture(name);
      expect(shape.missingShape(parse(reportOf(page, FIXTURE_PAGE_URLS[name])), allChecks)).toEqual(
        shape.missingShape(page, allChecks),
      );
    },
  );

  it("says which element is missing when the adapter's checks are run on the report of a changed page", () => {
    const cases: Array<[ReturnType<typeof allFixtureNames>[number], string]> = [
      ['invoice-unpaid', shape.balanceDue.name],
      ['invoice-new', shape.customer.name],
      ['invoice-review-step', shape.confirmButton.name],
      ['invoices-paid', shape.invoiceListColumns.name],
      ['account', shape.paymentGateways.name],
      ['invoice-email', shape.backToInvoiceLink.name],
    ];
    for (const [name, check] of cases) {
      const page = fixture(name);
      const before = shape.missingShape(page, allChecks);
      RENAMED[check]?.(page);
      const fromReport = shape.missingShape(parse(reportOf(page, FIXTURE_PAGE_URLS[name])), allChecks);
      expect(
        fromReport.filter((missing) => !before.includes(missing)),
        `${check} on ${name}`,
      ).toEqual([check]);
    }
  });
});
