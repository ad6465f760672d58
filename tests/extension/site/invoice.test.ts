import { describe, expect, it } from 'vitest';
import {
  findConfirmButton,
  findContinueButton,
  findOtherPaymentFields,
  findPaymentFields,
  findReviewStep,
  readInvoice,
  findReviewActions,
  readRecordedPayments,
  readSiteRefusal,
  recordOtherPayment,
  showReviewPayment,
} from '../../../extension/src/site/invoice';
import { fixture } from './fixture';

describe('reading the invoice form', () => {
  it('reads an unpaid Normal Sale invoice', () => {
    expect(readInvoice(fixture('invoice-unpaid'))).toEqual({
      number: '1042',
      kind: 'normal_sale',
      customer: { id: '502', name: 'Priya Natarajan', email: 'priya.n@example.net' },
      totalCents: 5846,
      paidCents: 0,
      balanceDueCents: 5846,
      currency: 'USD',
    });
  });

  it('reads what is paid and what is still due on a partly paid invoice', () => {
    expect(readInvoice(fixture('invoice-partly-paid'))).toMatchObject({
      number: '1046',
      totalCents: 26305,
      paidCents: 10000,
      balanceDueCents: 16305,
    });
  });

  it('reads a Return/Exchange invoice as such', () => {
    expect(readInvoice(fixture('invoice-return-exchange'))?.kind).toBe('return_exchange');
  });

  it('gives no email for a customer who has none, and keeps the apostrophe in names', () => {
    expect(readInvoice(fixture('invoice-no-email-customer'))?.customer).toEqual({
      id: '504',
      name: 'Rosa Delgado',
      email: null,
    });
  });

  it('reads the number a new invoice will be saved under once a customer is chosen', () => {
    expect(readInvoice(fixture('invoice-new-with-customer'))).toMatchObject({
      number: '1056',
      customer: { id: '503', name: 'Linda Okafor' },
      totalCents: 0,
    });
  });

  it('reads no invoice before a customer is chosen, and none on other pages', () => {
    expect(readInvoice(fixture('invoice-new'))).toBeNull();
    expect(readInvoice(fixture('invoices-unpaid'))).toBeNull();
    expect(readInvoice(fixture('account'))).toBeNull();
  });

  it('follows the customer and kind the consultant picks, not the ones the page loaded with', () => {
    const doc = fixture('invoice-unpaid');
    const customer = doc.querySelector<HTMLOptionElement>('select[name="customer_id"] option[value="505"]');
    const kind = doc.querySelector<HTMLOptionElement>('select[name="invoice_type"] option[value="ReturnExchange"]');
    if (!customer || !kind) throw new Error('fixture lost its options');
    customer.selected = true;
    kind.selected = true;
    expect(readInvoice(doc)).toMatchObject({
      kind: 'return_exchange',
      customer: { id: '505', name: "Beth O'Neil", email: 'beth.oneil@example.com' },
    });
  });
});

describe('invoice form locators', () => {
  it('finds the box of the site payment fields, holding Cash, Check and ProPay', () => {
    const box = findPaymentFields(fixture('invoice-unpaid'));
    expect(Array.from(box?.querySelectorAll('input') ?? []).map((i) => i.getAttribute('name'))).toEqual(
      expect.arrayContaining(['payment_cash', 'payment_check', 'payment_propay']),
    );
  });

  it('finds Continue, the review step and its Confirm submit button', () => {
    const doc = fixture('invoice-new');
    expect(findContinueButton(doc)?.textContent).toBe('Continue');
    const review = findReviewStep(doc);
    expect(review?.hasAttribute('hidden')).toBe(true);
    const confirm = findConfirmButton(doc);
    expect(confirm?.textContent).toBe('Confirm');
    expect(review?.contains(confirm ?? null)).toBe(true);
  });

  it('finds the review step the site opened after Continue, with its ProPay warning and Confirm', () => {
    const doc = fixture('invoice-review-step');
    const review = findReviewStep(doc);
    expect(review?.hasAttribute('hidden')).toBe(false);
    expect(review?.textContent).toContain(
      "Clicking Confirm will charge the customer's Credit/Debit card through ProPay",
    );
    expect(Array.from(review?.querySelectorAll('tbody tr') ?? []).map((r) => r.textContent)).toEqual([
      'Cash$5.00',
      'ProPay Credit Card$20.00',
    ]);
    expect(findConfirmButton(doc)?.getAttribute('type')).toBe('submit');
    expect(findPaymentFields(doc)?.querySelector<HTMLInputElement>('[name="payment_propay"]')?.value).toBe('20.00');
  });

  it('finds the Other payment type, amount and note by their labels', () => {
    const fields = findOtherPaymentFields(fixture('invoice-unpaid'));
    expect(fields?.amount.getAttribute('name')).toBe('other_payment_amount');
    expect(fields?.note.getAttribute('name')).toBe('other_payment_note');
    expect(fields?.type.getAttribute('name')).toBe('other_payment_type');
  });

  it('finds none of them away from the invoice form', () => {
    const doc = fixture('invoices-paid');
    expect([
      findPaymentFields(doc),
      findContinueButton(doc),
      findReviewStep(doc),
      findConfirmButton(doc),
      findOtherPaymentFields(doc),
    ]).toEqual([null, null, null, null, null]);
  });
});

describe('recording a Stripe payment in the Other payment row', () => {
  it('fills type, amount and note, and tells the site the fields changed', () => {
    const doc = fixture('invoice-unpaid');
    const changed: string[] = [];
    doc.addEventListener('change', (event) => changed.push((event.target as Element).getAttribute('name') ?? ''));
    expect(recordOtherPayment(doc, { amountCents: 2050, note: 'Stripe pi_3Abc card ending 4242' })).toBe('filled');
    const fields = findOtherPaymentFields(doc);
    expect([fields?.type.value, fields?.amount.value, fields?.note.value]).toEqual([
      'Other Credit Card',
      '20.50',
      'Stripe pi_3Abc card ending 4242',
    ]);
    expect(changed).toEqual(['other_payment_type', 'other_payment_amount', 'other_payment_note']);
  });

  it('does not overwrite another payment the consultant typed there', () => {
    const doc = fixture('invoice-unpaid');
    const fields = findOtherPaymentFields(doc);
    if (!fields) throw new Error('fixture lost its Other payment row');
    fields.amount.value = '15.00';
    expect(recordOtherPayment(doc, { amountCents: 2050, note: 'Stripe' })).toBe('in_use');
    expect(fields.amount.value).toBe('15.00');
  });

  it('reports when the page has no Other payment row', () => {
    expect(recordOtherPayment(fixture('account'), { amountCents: 100, note: 'x' })).toBe('no_fields');
  });
});

describe('reading recorded payments', () => {
  it('reads each payment with its type, amount, note and whether it was reversed', () => {
    const payments = readRecordedPayments(fixture('invoice-with-history'));
    expect(payments.map(({ type, amountCents, note, reversed }) => ({ type, amountCents, note, reversed }))).toEqual([
      { type: 'ProPay Credit Card', amountCents: 6712, note: '', reversed: true },
      { type: 'Other Credit Card', amountCents: 4000, note: 'Stripe card ending 4242', reversed: false },
    ]);
  });

  it('offers the site Reverse button only for payments not yet reversed', () => {
    const [reversed, active] = readRecordedPayments(fixture('invoice-with-history'));
    expect(reversed?.reverseButton).toBeNull();
    expect(reversed?.id).toBeNull();
    expect(active?.reverseButton?.textContent).toBe('Reverse');
    expect(active?.reverseButton?.closest('form')?.getAttribute('method')).toBe('post');
    expect(active?.id).toMatch(/^\d+$/);
  });

  it('reads the date the site shows', () => {
    const [payment] = readRecordedPayments(fixture('invoice-paid-propay'));
    expect(payment).toMatchObject({
      date: '2025-03-03',
      type: 'ProPay Credit Card',
      amountCents: 15047,
      reversed: false,
    });
  });

  it('reads no payments on a new invoice', () => {
    expect(readRecordedPayments(fixture('invoice-new'))).toEqual([]);
  });
});

describe('the review step', () => {
  const rows = (doc: Document) =>
    Array.from(doc.querySelectorAll('#reviewPayments tbody tr'))
      .filter((row) => !row.hasAttribute('hidden'))
      .map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent));

  it('finds the row of Back and Confirm, where what is said before Confirm goes', () => {
    const actions = findReviewActions(fixture('invoice-review-step'));
    expect(Array.from(actions?.querySelectorAll('button') ?? [], (b) => b.textContent)).toEqual(['Back', 'Confirm']);
  });

  it('adds the Stripe payment as a row of the site list, after the payments the site listed, once', () => {
    const doc = fixture('invoice-review-step');
    const stripe = { label: 'Stripe — Visa •••• 4242', amountText: '$56.29' };
    showReviewPayment(doc, stripe);
    showReviewPayment(doc, stripe);
    expect(rows(doc)).toEqual([
      ['Cash', '$5.00'],
      ['ProPay Credit Card', '$20.00'],
      ['Stripe — Visa •••• 4242', '$56.29'],
    ]);
    expect(doc.querySelector('#reviewPayments tbody tr:last-child td:last-child')?.getAttribute('class')).toBe('num');
    showReviewPayment(doc, null);
    expect(rows(doc)).toHaveLength(2);
  });

  it("hides the site's 'No payments entered' row while the Stripe payment is the only one", () => {
    const doc = fixture('invoice-review-step');
    const body = doc.querySelector('#reviewPayments tbody');
    if (!body) throw new Error('fixture lost its review list');
    body.innerHTML = '<tr><td colspan="2" class="muted">No payments entered. Confirm saves the invoice only.</td></tr>';
    showReviewPayment(doc, { label: 'Stripe — Visa •••• 4242', amountText: '$56.29' });
    expect(rows(doc)).toEqual([['Stripe — Visa •••• 4242', '$56.29']]);
    showReviewPayment(doc, null);
    expect(rows(doc)).toEqual([['No payments entered. Confirm saves the invoice only.']]);
  });

  it('reads why the site refused to save a new invoice, and nothing on a page it accepted', () => {
    expect(readSiteRefusal(fixture('invoice-new-refused'))).toBe('Add at least one product to the invoice.');
    expect(readSiteRefusal(fixture('invoice-unpaid'))).toBeNull();
  });
});
