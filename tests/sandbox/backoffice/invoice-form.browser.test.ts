import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSite, type TestSite } from './test-site.ts';

// The stand-in's invoice form in a real browser: its own script totals as the consultant types and
// lists every payment entered at Continue, as the real back office does. Chromium from Debian.

let site: TestSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await startTestSite();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await site?.dispose();
});
beforeEach(async () => {
  page = await browser.newPage();
});

const totals = (p: Page) =>
  p.$$eval(['#subtotal', '#salesTax', '#invoiceTotal', '#amountPaid', '#balanceDue'].join(','), (cells) =>
    cells.map((c) => c.textContent),
  );

describe('the invoice form totals as the consultant types', () => {
  it('totals a new invoice line by line, with tax, payments entered and the balance', async () => {
    await page.goto(`${site.url}/invoices/new?customer=503`);
    expect(await totals(page)).toEqual(['$0.00', '$0.00', '$0.00', '$0.00', '$0.00']);
    await page.locator('input[name=line_product]').first().fill('Satin Hands Set');
    await page.locator('input[name=line_qty]').first().fill('2');
    await page.locator('input[name=line_price]').first().fill('20');
    expect(await page.locator('#invoiceLines tbody tr').first().locator('td').last().textContent()).toBe('$40.00');
    // 8.25% of $40.00 is $3.30 (rounded half up, in cents).
    expect(await totals(page)).toEqual(['$40.00', '$3.30', '$43.30', '$0.00', '$43.30']);
    await page.fill('#payment_cash', '10');
    await page.fill('#payment_check', '1,000.005');
    expect(await totals(page)).toEqual(['$40.00', '$3.30', '$43.30', '$10.00', '$33.30']);
  });

  it('adds what is typed to what an existing invoice has already recorded', async () => {
    await page.goto(`${site.url}/invoices/1046`);
    expect(await totals(page)).toEqual(['$243.00', '$20.05', '$263.05', '$100.00', '$163.05']);
    await page.fill('#other_payment_amount', '63.05');
    expect(await totals(page)).toEqual(['$243.00', '$20.05', '$263.05', '$163.05', '$100.00']);
  });

  it('lists every payment entered at Continue, the Other Payment under its type', async () => {
    await page.goto(`${site.url}/invoices/1046`);
    await page.fill('#payment_cash', '5');
    await page.fill('#payment_check', '6.50');
    await page.fill('#check_number', '2210');
    await page.fill('#payment_propay', '7');
    await page.selectOption('#other_payment_type', 'Venmo');
    await page.fill('#other_payment_amount', '8');
    await page.click('#continueButton');
    const rows = await page.$$eval('#reviewPayments tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
    );
    expect(rows).toEqual([
      ['Cash', '$5.00'],
      ['Check #2210', '$6.50'],
      ['ProPay Credit Card', '$7.00'],
      ['Venmo', '$8.00'],
    ]);
    expect(await page.textContent('#reviewNotices')).toContain('through ProPay');
  });

  it('says at Continue that Confirm saves the invoice only when no payment is entered', async () => {
    await page.goto(`${site.url}/invoices/1042`);
    await page.click('#continueButton');
    expect(await page.textContent('#reviewPayments tbody')).toBe(
      'No payments entered. Confirm saves the invoice only.',
    );
  });
});
