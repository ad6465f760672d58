import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPage, listedInvoices, startTestSite, text, type TestSite } from './test-site.ts';

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite();
});
afterEach(async () => {
  await site.dispose();
});

describe('stand-in back office pages', () => {
  it('shows the consultant and the four tabs on every page', async () => {
    for (const path of ['/', '/customers', '/account', '/invoices/unpaid', '/invoices/1042']) {
      const { status, document } = await getPage(site.url + path);
      expect(status, path).toBe(200);
      expect(text(document, '#consultantName')).toBe('Mary Alvarez');
      expect(Array.from(document.querySelectorAll('#mainNav a')).map((a) => a.textContent)).toEqual([
        'Dashboard',
        'Customers',
        'Invoices',
        'Account',
      ]);
    }
  });

  it('shows ProPay as a connected gateway with its account number on the Account tab', async () => {
    const { document } = await getPage(`${site.url}/account`);
    const propay = Array.from(document.querySelectorAll('#paymentGateways .gateway')).find(
      (g) => g.querySelector('h3')?.textContent === 'ProPay',
    );
    expect(propay?.textContent).toContain('Connected');
    expect(propay?.textContent).toContain('32874419');
  });

  it('seeds at least 6 customers, most with an email', async () => {
    const { document } = await getPage(`${site.url}/customers`);
    const rows = Array.from(document.querySelectorAll('#customerList tbody tr'));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const withEmail = rows.filter((r) => (r.querySelectorAll('td')[2]?.textContent ?? '').includes('@'));
    expect(withEmail.length).toBeGreaterThan(rows.length / 2);
  });

  it('splits at least 12 seeded invoices between Paid and Unpaid, with both kinds and one partly paid', async () => {
    const paid = await listedInvoices(site.url, 'paid');
    const unpaid = await listedInvoices(site.url, 'unpaid');
    expect(paid.length + unpaid.length).toBeGreaterThanOrEqual(12);
    expect(paid.filter((n) => unpaid.includes(n))).toEqual([]);
    const { document } = await getPage(`${site.url}/invoices/unpaid`);
    const cells = Array.from(document.querySelectorAll('tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(cells.some((c) => c[3] === 'Return/Exchange')).toBe(true);
    expect(cells.some((c) => c[3] === 'Normal Sale')).toBe(true);
    expect(cells.some((c) => c[5] !== '$0.00')).toBe(true);
    expect(document.querySelector('tr[data-testid="invoice-row-1042"]')).not.toBeNull();
  });

  it('shows an invoice with its customer, kind, lines and totals', async () => {
    const { document } = await getPage(`${site.url}/invoices/1046`);
    expect(text(document, '#invoiceNumber')).toBe('1046');
    expect(document.querySelector('#customerId option[selected]')?.textContent).toBe(
      'Jane Cooper (jane.cooper@example.com)',
    );
    expect(document.querySelector('#invoiceType option[selected]')?.textContent).toBe('Normal Sale');
    expect(document.querySelectorAll('input[name=line_product]')[0]?.getAttribute('value')).toBe(
      'TimeWise Repair Volu-Firm Set',
    );
    expect(text(document, '#invoiceTotal')).toBe('$263.05');
    expect(text(document, '#amountPaid')).toBe('$100.00');
    expect(text(document, '#balanceDue')).toBe('$163.05');
    expect(text(document, '#invoiceCurrency')).toBe('USD');
  });

  it('offers Cash, Check, ProPay and Other payment fields, each labelled, and a Continue button', async () => {
    const { document } = await getPage(`${site.url}/invoices/1042`);
    for (const name of [
      'payment_cash',
      'payment_check',
      'payment_propay',
      'other_payment_amount',
      'other_payment_note',
      'other_payment_type',
    ]) {
      const field = document.querySelector(`[name=${name}]`);
      expect(field, name).not.toBeNull();
      expect(document.querySelector(`label[for="${field?.id ?? ''}"]`), name).not.toBeNull();
    }
    expect(Array.from(document.querySelectorAll('#other_payment_type option')).map((o) => o.textContent)).toContain(
      'Other Credit Card',
    );
    expect(document.querySelector('[data-testid=invoice-continue]')?.getAttribute('type')).toBe('button');
    expect(document.querySelector('#reviewStep [data-testid=invoice-confirm]')?.getAttribute('type')).toBe('submit');
  });

  it('reserves the next invoice number on a new invoice and can preselect a customer', async () => {
    const { document } = await getPage(`${site.url}/invoices/new?customer=503`);
    expect(text(document, '#invoiceNumber')).toBe('1055');
    expect(document.querySelector('#customerId option[selected]')?.getAttribute('value')).toBe('503');
    expect(document.querySelector('#paymentHistory')).toBeNull();
  });

  it('keeps the payment link placeholder in the invoice email template', async () => {
    const { document } = await getPage(`${site.url}/settings/invoices`);
    expect(document.querySelector('#email_body')?.textContent).toContain('[PaymentLink]');
  });

  it('opens the email to compose, with the ProPay payment link for the invoice in its message', async () => {
    const { document } = await getPage(`${site.url}/invoices/1042/email`);
    expect(document.querySelector<HTMLInputElement>('#emailTo')?.getAttribute('value')).toBe(
      'Priya Natarajan <priya.n@example.net>',
    );
    const link = document.querySelector('#paymentLink')?.getAttribute('href') ?? '';
    expect(link).toBe(`${site.url}/propay/pay?invoice=1042`);
    const message = document.querySelector('#emailBody')?.textContent ?? '';
    expect(message).toContain('$58.46');
    expect(message).toContain(link);
    const propay = await getPage(link);
    expect(propay.document.querySelector('h1')?.textContent).toBe('ProPay Secure Payment');
  });

  it('sends exactly the message posted and keeps it in the outbox', async () => {
    const body = 'Hi Priya,\nPay here: https://pay.example/abc\nLove, Dana';
    const res = await fetch(`${site.url}/invoices/1042/email`, {
      method: 'POST',
      body: new URLSearchParams({ to: 'Priya <priya.n@example.net>', subject: 'Invoice 1042', body }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const outbox = await getPage(`${site.url}/outbox`);
    const href = outbox.document.querySelector('#outbox a')?.getAttribute('href') ?? '';
    const sent = await getPage(`${site.url}${href}`);
    expect(text(sent.document, '#sentTo')).toBe('Priya <priya.n@example.net>');
    expect(text(sent.document, '#sentSubject')).toBe('Invoice 1042');
    expect(sent.document.querySelector('#sentBody')?.textContent).toBe(body);
  });

  it('answers unknown pages and invoices with 404', async () => {
    expect((await getPage(`${site.url}/invoices/9999`)).status).toBe(404);
    expect((await getPage(`${site.url}/nowhere`)).status).toBe(404);
  });
});
