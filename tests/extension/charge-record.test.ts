import { describe, expect, it } from 'vitest';
import type { PaymentSummary } from '../../shared/api';
import { noteNamesPayment, stripeNote } from '../../extension/src/components/stripe-note';
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
    paymentIntentId: 'pi_3QaBc0000000000000Hq4Lm9Tz',
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
  it("fills the site's Other Payment row with the card type, the amount and a note naming the payment without Stripe ids", () => {
    const doc = fixture('invoice-unpaid');
    const payment = succeeded();
    expect(recordOtherPayment(doc, { amountCents: payment.amountMinor, note: stripeNote(payment) })).toBe('filled');
    const fields = findOtherPaymentFields(doc);
    expect([fields?.type.value, fields?.amount.value, fields?.note.value]).toEqual([
      'Other Credit Card',
      '58.46',
      'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz)',
    ]);
  });

  it('names the payment even when Stripe gave no card details', () => {
    expect(stripeNote(succeeded({ card: null }))).toBe('Stripe (ref Hq4Lm9Tz)');
  });
});

describe("finding a Stripe payment's note on the site", () => {
  const paymentIntentId = 'pi_3QaBc0000000000000Hq4Lm9Tz';

  it.each([
    ['this version wrote', 'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz)'],
    ['this version wrote with no card details', 'Stripe (ref Hq4Lm9Tz)'],
    ['a refund rewrote', 'Stripe — Visa •••• 4242 (ref Hq4Lm9Tz) less $20.00 refunded'],
    ['older versions wrote, with the whole PaymentIntent id', 'Stripe Visa ••••4242 pi_3QaBc0000000000000Hq4Lm9Tz'],
  ])('finds the note %s', (_who, note) => {
    expect(noteNamesPayment(note, paymentIntentId)).toBe(true);
  });

  it.each([
    ["another payment's note", 'Stripe — Visa •••• 4242 (ref Zr8Wq1Nb)'],
    ["another payment's note of an older version", 'Stripe Visa ••••4242 pi_3QzZz9999999999999Zr8Wq1Nb'],
    ['a PaymentIntent id that only ends like the ref', 'Stripe Visa ••••4242 pi_3QzZz9999999999999Hq4Lm9Tz'],
    ['a note the consultant wrote', 'Stripe card ending 4242'],
  ])('does not take %s for it', (_what, note) => {
    expect(noteNamesPayment(note, paymentIntentId)).toBe(false);
  });
});
