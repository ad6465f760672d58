import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { stripeNote } from '../../extension/src/components/stripe-note';
import { findOtherPaymentFields, recordOtherPayment } from '../../extension/src/site/invoice';
import { fixture } from './site/fixture';

function succeeded(overrides: Partial<PaymentSummary> = {}): PaymentSummary {
  return {
    id: 'pay_abcdef123456',
    invoiceNumber: '1042',
    status: 'succeeded',
    amountMinor: 5846,
    currency: 'usd',
    card: { brand: 'visa', last4: '4242' },
    feeMinor: 200,
    netMinor: 5646,
    refundedMinor: 0,
    paymentIntentId: 'pi_3Abc',
    chargeId: 'ch_1',
    message: null,
    failureCode: null,
    authenticationUrl: null,
    createdAt: 0,
    recordedOnSite: false,
    ...overrides,
  };
}

describe('recording a Stripe payment in the site form', () => {
  it("fills the site's Other Payment row with the card type, the amount and a note naming the PaymentIntent", () => {
    const doc = fixture('invoice-unpaid');
    const payment = succeeded();
    expect(recordOtherPayment(doc, { amountCents: payment.amountMinor, note: stripeNote(payment) })).toBe('filled');
    const fields = findOtherPaymentFields(doc);
    expect([fields?.type.value, fields?.amount.value, fields?.note.value]).toEqual([
      'Other Credit Card',
      '58.46',
      'Stripe Visa ••••4242 pi_3Abc',
    ]);
  });

  it('names the payment even when Stripe gave no card details', () => {
    expect(stripeNote(succeeded({ card: null }))).toBe('Stripe pi_3Abc');
  });
});
