import { describe, expect, it } from 'vitest';
import { otherPaymentSubmission, reverseSubmissionsFor } from '../../../extension/src/site/forms';
import { readInvoiceRows } from '../../../extension/src/site/lists';
import { fixture } from './fixture';

const invoiceUrl = 'http://127.0.0.1:8788/invoices/1047';

describe("posting the site's own forms from a fetched copy of the invoice", () => {
  it('finds the Reverse form of the payment whose note names the Stripe payment, not the reversed ones', () => {
    const [only, ...rest] = reverseSubmissionsFor(fixture('invoice-with-history'), 'ending 4242', invoiceUrl);
    expect(rest).toEqual([]);
    expect(only?.amountCents).toBe(4000);
    expect(only?.submission?.url).toBe('http://127.0.0.1:8788/invoices/1047/payments/8/reverse');
    expect(only?.submission?.body.toString()).toBe('payment_id=8');
  });

  it('finds nothing to reverse for a payment the invoice does not show', () => {
    expect(reverseSubmissionsFor(fixture('invoice-with-history'), 'pi_not_on_this_invoice', invoiceUrl)).toEqual([]);
  });

  it('records one card payment through the invoice form, keeping its lines, customer and kind', () => {
    const submission = otherPaymentSubmission(
      fixture('invoice-with-history'),
      { amountCents: 2050, note: 'Stripe Visa ••••4242 pi_123 less $20.00 refunded' },
      invoiceUrl,
    );
    expect(submission?.url).toBe(invoiceUrl);
    const body = submission?.body;
    expect(body?.get('invoice_number')).toBe('1047');
    expect(body?.get('invoice_type')).toBe('NormalSale');
    expect(body?.get('customer_id')).toMatch(/^\d+$/);
    expect(body?.getAll('line_product')).toContain('Satin Lips Set');
    expect(body?.get('other_payment_type')).toBe('Other Credit Card');
    expect(body?.get('other_payment_amount')).toBe('20.50');
    expect(body?.get('other_payment_note')).toBe('Stripe Visa ••••4242 pi_123 less $20.00 refunded');
    expect(body?.get('payment_cash')).toBe('');
  });
});

describe('list rows', () => {
  it('give the address of the invoice they show', () => {
    expect(readInvoiceRows(fixture('invoices-paid')).map((r) => r.invoiceHref)).toContain('/invoices/1052');
  });
});
