import { describe, expect, it } from 'vitest';
import { otherPaymentSubmission, reverseSubmissionsFor } from '../../../extension/src/site/forms';
import { readInvoiceRows } from '../../../extension/src/site/lists';
import { fixture } from './fixture';

const invoiceUrl = 'http://127.0.0.1:8788/invoices/1047';
const paymentIntentId = 'pi_3QaBc0000000000000Hq4Lm9Tz';

/** Invoice 1047 with `note` on both its payments: the reversed one ($67.12) and the one still counted ($40.00). */
function invoiceWithStripeNote(note: string): Document {
  const doc = fixture('invoice-with-history');
  const notes = Array.from(doc.querySelectorAll('#paymentHistory tbody tr'), (row) => row.querySelectorAll('td')[3]);
  if (notes.length !== 2) throw new Error('fixture lost a payment');
  for (const cell of notes) if (cell) cell.textContent = note;
  return doc;
}

describe("posting the site's own forms from a fetched copy of the invoice", () => {
  it.each([
    ['this version', 'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz)'],
    ['older versions, by the whole PaymentIntent id', 'Stripe Visa ••••4242 pi_3QaBc0000000000000Hq4Lm9Tz'],
  ])(
    'finds the Reverse form of the Stripe payment its note names as %s wrote it, not the reversed ones',
    (_who, note) => {
      const [only, ...rest] = reverseSubmissionsFor(invoiceWithStripeNote(note), paymentIntentId, invoiceUrl);
      expect(rest).toEqual([]);
      expect(only?.amountCents).toBe(4000);
      expect(only?.submission?.url).toBe('http://127.0.0.1:8788/invoices/1047/payments/8/reverse');
      expect(only?.submission?.body.toString()).toBe('payment_id=8');
    },
  );

  it("finds nothing to reverse for a payment the invoice does not show, though another payment's note is there", () => {
    const doc = invoiceWithStripeNote('Stripe — Visa •••• 4242 (ref Zr8Wq1Nb)');
    expect(reverseSubmissionsFor(doc, paymentIntentId, invoiceUrl)).toEqual([]);
    expect(reverseSubmissionsFor(fixture('invoice-with-history'), 'pi_not_on_this_invoice', invoiceUrl)).toEqual([]);
  });

  it('records one card payment through the invoice form, keeping its lines, customer and kind', () => {
    const submission = otherPaymentSubmission(
      fixture('invoice-with-history'),
      { amountCents: 2050, note: 'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz) less $20.00 refunded' },
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
    expect(body?.get('other_payment_note')).toBe('Stripe — Visa •••• 4242 (ref Hq4Lm9Tz) less $20.00 refunded');
    expect(body?.get('payment_cash')).toBe('');
  });
});

describe('list rows', () => {
  it('give the address of the invoice they show', () => {
    expect(readInvoiceRows(fixture('invoices-paid')).map((r) => r.invoiceHref)).toContain('/invoices/1052');
  });
});
