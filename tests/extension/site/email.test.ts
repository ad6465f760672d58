import { describe, expect, it } from 'vitest';
import {
  findEmailForm,
  findEmailInvoiceLink,
  findEmailMessage,
  findEmailPaymentLink,
  findEmailPaymentLinks,
  replaceEmailPaymentLinks,
} from '../../../extension/src/site/email';
import { readInvoiceDetails } from '../../../extension/src/site/invoice-details';
import { fixture } from './fixture';

const PROPAY = 'http://127.0.0.1:8788/propay/pay?invoice=1042';
const STRIPE = 'http://127.0.0.1:8787/pay/tok_abc';
const BASE = 'http://127.0.0.1:8788/invoices/1042/email';

describe('the Email Invoice compose form', () => {
  it("finds the site's payment link, the message that carries it and the form Send Email posts", () => {
    const doc = fixture('invoice-email');
    expect(findEmailPaymentLink(doc)?.getAttribute('href')).toBe(PROPAY);
    expect(findEmailMessage(doc)?.value).toContain(PROPAY);
    expect(findEmailForm(doc)?.getAttribute('action')).toBe('/invoices/1042/email');
    expect(findEmailInvoiceLink(doc)).toBe('/invoices/1042');
  });

  it('points the link and every copy of it in what will be posted at the Stripe link', () => {
    const doc = fixture('invoice-email');
    const message = findEmailMessage(doc);
    if (!message) throw new Error('no message');
    // The consultant edited the message and pasted the link a second time, another invoice's too.
    message.value = `${message.value}\nOr: ${PROPAY}\nOld one: http://127.0.0.1:8788/propay/pay?invoice=99`;
    expect(replaceEmailPaymentLinks(doc, PROPAY, STRIPE, BASE)).toBe(2);
    expect(message.value).not.toMatch(/propay/);
    expect(message.value.split(STRIPE)).toHaveLength(4);
    expect(findEmailPaymentLink(doc)?.textContent).toBe(STRIPE);
    expect(findEmailPaymentLinks(doc)).toHaveLength(1);
  });

  it('finds nothing to rewrite on other pages', () => {
    expect(findEmailPaymentLink(fixture('invoice-settings'))).toBeNull();
    expect(findEmailMessage(fixture('invoice-unpaid'))).toBeNull();
  });
});

describe('the invoice details a pay link carries', () => {
  it("reads the saved invoice's date and product lines", () => {
    const details = readInvoiceDetails(fixture('invoice-unpaid'));
    expect(details?.date).toBe('2025-03-05');
    expect(details?.lines.length).toBeGreaterThan(0);
    for (const line of details?.lines ?? []) {
      expect(line.description).not.toBe('');
      expect(Number.isInteger(line.amountMinor)).toBe(true);
    }
  });
});
