import { describe, expect, it } from 'vitest';
import {
  afterRefund,
  afterwardsSentence,
  cardLabel,
  nowSentence,
} from '../../extension/src/features/refund/refund-words';
import { i18n } from '../../extension/src/i18n';
import { siteDateText } from '../../extension/src/site/lists';

describe('what the refund dialog says', () => {
  it('tells where a partly refunded invoice goes before the refund is made', () => {
    const paidInFull = { paidMinor: 5629, balanceMinor: 0 };
    expect(afterwardsSentence('1050', afterRefund(paidInFull, 1000), 'usd')).toBe(
      'Afterwards invoice 1050 shows $46.29 paid and $10.00 due, in Unpaid Invoices.',
    );
    expect(afterwardsSentence('1050', afterRefund(paidInFull, 5629), 'usd')).toBe(
      'Afterwards invoice 1050 shows $0.00 paid and $56.29 due, in Unpaid Invoices.',
    );
    // The rest refunded later, from the Unpaid list.
    expect(nowSentence('1050', afterRefund({ paidMinor: 4629, balanceMinor: 1000 }, 4629), 'usd')).toBe(
      'Invoice 1050 now shows $0.00 paid and $56.29 due, in Unpaid Invoices.',
    );
  });

  it('names the card as the site would, and the day in the list date format', () => {
    expect(cardLabel({ brand: 'visa', last4: '4242' })).toBe('Visa •••• 4242');
    expect(cardLabel({ brand: 'amex', last4: '8431' })).toBe('American Express •••• 8431');
    expect(cardLabel(null)).toBe('the card');
    expect(siteDateText(new Date(2026, 1, 3, 23, 59).getTime())).toBe('02/03/2026');
  });

  it('is truthful about fees: none for a refund, the original processing fee not returned', () => {
    const fundsAndFees = i18n.t('refund.fundsAndFees');
    expect(fundsAndFees).toMatch(/no fee for a refund/);
    expect(fundsAndFees).toMatch(/processing fee of the original payment is not returned/);
    expect(fundsAndFees).not.toMatch(/refund and (its|Stripe's) fee/);
  });
});
