import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPage, listedInvoices, startTestSite, submitInvoice, text, type TestSite } from './test-site.ts';

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite();
});
afterEach(async () => {
  await site.dispose();
});

function historyRows(document: Document): string[][] {
  return Array.from(document.querySelectorAll('#paymentHistory tbody tr')).map((r) =>
    Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
  );
}

async function reverse(path: string, rowIndex: number): Promise<Response> {
  const { document } = await getPage(site.url + path);
  const form = document.querySelectorAll('#paymentHistory tbody tr')[rowIndex]?.querySelector('form');
  return fetch(site.url + (form?.getAttribute('action') ?? ''), {
    method: 'POST',
    body: new URLSearchParams(),
    redirect: 'manual',
  });
}

describe('recording payments with Confirm', () => {
  it('records an Other Credit Card payment with its note and redirects back to the invoice', async () => {
    const res = await submitInvoice(site.url, '/invoices/1042', {
      other_payment_type: 'Other Credit Card',
      other_payment_amount: '20.00',
      other_payment_note: 'Stripe pi_123',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/invoices/1042');
    const { document } = await getPage(`${site.url}/invoices/1042`);
    expect(historyRows(document)[0]).toEqual(
      expect.arrayContaining(['Other Credit Card', '$20.00', 'Stripe pi_123', 'Received']),
    );
    expect(text(document, '#amountPaid')).toBe('$20.00');
    expect(text(document, '#balanceDue')).toBe('$38.46');
  });

  it('moves an invoice paid in full from Unpaid to Paid', async () => {
    expect(await listedInvoices(site.url, 'unpaid')).toContain('1042');
    await submitInvoice(site.url, '/invoices/1042', { payment_cash: '8.46', payment_propay: '50' });
    expect(await listedInvoices(site.url, 'unpaid')).not.toContain('1042');
    expect(await listedInvoices(site.url, 'paid')).toContain('1042');
  });

  it('refuses payments above the balance due and keeps what was typed', async () => {
    const res = await submitInvoice(site.url, '/invoices/1046', { payment_cash: '500.00' });
    expect(res.status).toBe(422);
    const { document } = parseHTML(await res.text());
    expect(text(document, '[role=alert]')).toBe('The payments entered are more than the balance due.');
    expect(document.querySelector('#payment_cash')?.getAttribute('value')).toBe('500.00');
    expect(text((await getPage(`${site.url}/invoices/1046`)).document, '#amountPaid')).toBe('$100.00');
  });

  it('refuses an amount that is not money', async () => {
    const res = await submitInvoice(site.url, '/invoices/1042', { payment_check: '12.345' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Check: enter an amount like 25.00.');
  });

  it('saves a new invoice under the number it showed, with its first payment', async () => {
    const res = await submitInvoice(site.url, '/invoices/new?customer=506', {
      invoice_type: 'ReturnExchange',
      line_product: 'Satin Lips Set',
      line_qty: '2',
      line_price: '26.00',
      payment_cash: '10',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/invoices/1055');
    const { document } = await getPage(`${site.url}/invoices/1055`);
    expect(document.querySelector('#invoiceType option[selected]')?.textContent).toBe('Return/Exchange');
    expect(text(document, '#subtotal')).toBe('$52.00');
    expect(text(document, '#amountPaid')).toBe('$10.00');
    expect(await listedInvoices(site.url, 'unpaid')).toContain('1055');
  });

  it('gives each open new-invoice form its own number, so two windows save two invoices', async () => {
    const numbers = await Promise.all(
      [0, 1].map(async () => text((await getPage(`${site.url}/invoices/new`)).document, '#invoiceNumber')),
    );
    expect(numbers).toEqual(['1055', '1056']);
    const save = (number: string) =>
      fetch(`${site.url}/invoices/new`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          invoice_number: number,
          customer_id: '506',
          invoice_type: 'NormalSale',
          line_product: 'Satin Lips Set',
          line_qty: '1',
          line_price: '26',
        }),
      });
    // The second window confirms first: its number is still its own.
    expect((await save('1056')).headers.get('location')).toBe('/invoices/1056');
    expect((await save('1055')).headers.get('location')).toBe('/invoices/1055');
    expect((await save('1057')).status).toBe(409);
  });

  it('refuses to save a second invoice under a number already taken', async () => {
    const first = await submitInvoice(site.url, '/invoices/new?customer=506', {
      line_product: 'Satin Lips Set',
      line_qty: '1',
      line_price: '26',
    });
    expect(first.status).toBe(303);
    const stale = new URLSearchParams({
      invoice_number: '1055',
      customer_id: '506',
      invoice_type: 'NormalSale',
      line_product: 'Satin Lips Set',
      line_qty: '1',
      line_price: '26',
    });
    const res = await fetch(`${site.url}/invoices/new`, { method: 'POST', body: stale, redirect: 'manual' });
    expect(res.status).toBe(409);
  });
});

describe('reversing payments', () => {
  it('moves a paid invoice back to Unpaid when its payment is reversed, and marks the payment reversed', async () => {
    expect(await listedInvoices(site.url, 'paid')).toContain('1041');
    const res = await reverse('/invoices/1041', 0);
    expect(res.status).toBe(303);
    const { document } = await getPage(`${site.url}/invoices/1041`);
    expect(historyRows(document)[0]?.[4]).toMatch(/^Reversed /);
    expect(document.querySelector('#paymentHistory tbody tr form')).toBeNull();
    expect(text(document, '#amountPaid')).toBe('$0.00');
    expect(await listedInvoices(site.url, 'unpaid')).toContain('1041');
  });

  it('refuses to reverse the same payment twice', async () => {
    const { document } = await getPage(`${site.url}/invoices/1041`);
    const action = document.querySelector('#paymentHistory form')?.getAttribute('action') ?? '';
    await fetch(site.url + action, { method: 'POST', redirect: 'manual' });
    const again = await fetch(site.url + action, { method: 'POST', redirect: 'manual' });
    expect(again.status).toBe(409);
  });
});

describe('site state', () => {
  it('restores the seed on POST /_site/reset', async () => {
    await submitInvoice(site.url, '/invoices/1042', { payment_cash: '58.46' });
    expect(await listedInvoices(site.url, 'paid')).toContain('1042');
    expect((await fetch(`${site.url}/_site/reset`, { method: 'POST' })).status).toBe(204);
    expect(await listedInvoices(site.url, 'unpaid')).toContain('1042');
    expect(text((await getPage(`${site.url}/invoices/new`)).document, '#invoiceNumber')).toBe('1055');
  });

  it('keeps recorded payments across a restart', async () => {
    await submitInvoice(site.url, '/invoices/1048', { other_payment_amount: '5.00', other_payment_note: 'kept' });
    await site.close();
    expect(readFileSync(site.dataFile, 'utf8')).toContain('kept');
    const restarted = await startTestSite(site.dataFile);
    try {
      const { document } = await getPage(`${restarted.url}/invoices/1048`);
      expect(text(document, '#amountPaid')).toBe('$5.00');
    } finally {
      await restarted.close();
    }
  });

  it('saves the invoice email template', async () => {
    await fetch(`${site.url}/settings/invoices`, {
      method: 'POST',
      body: new URLSearchParams({
        email_subject: 'Invoice [InvoiceNumber]',
        email_body: 'Pay here: [PaymentLink] thanks',
      }),
      redirect: 'manual',
    });
    const { document } = await getPage(`${site.url}/invoices/1042/email`);
    expect(document.querySelector('#emailSubject')?.getAttribute('value')).toBe('Invoice 1042');
    expect(text(document, '#emailBody')).toBe(`Pay here: ${site.url}/propay/pay?invoice=1042 thanks`);
  });
});
