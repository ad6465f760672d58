import { describe, expect, it } from 'vitest';
import { checkAmount } from '../../extension/src/features/charge/charge-amount';

const limits = { balanceDueMinor: 16305, invoiceCurrency: 'USD', accountCurrency: 'usd' };

describe('the Stripe amount as the consultant types it', () => {
  it.each([
    ['25', 2500],
    ['25.5', 2550],
    ['$100.10', 10010],
    ['163.05', 16305],
  ])('accepts %s as %i cents', (text, minor) => {
    expect(checkAmount(text, limits)).toEqual({ kind: 'ok', minor });
  });

  it.each([
    ['12.345', 'Use at most two decimals (cents).'],
    ['0', 'Enter an amount more than zero.'],
    ['0.00', 'Enter an amount more than zero.'],
    ['-5', 'Enter an amount in numbers, like 25.00.'],
    ['twelve', 'Enter an amount in numbers, like 25.00.'],
    ['163.06', 'That is more than the balance due ($163.05).'],
    ['9999999999', 'That is more than the balance due ($163.05).'],
  ])('says why %s cannot be charged', (text, reason) => {
    expect(checkAmount(text, limits)).toEqual({ kind: 'invalid', reason });
  });

  it('says nothing while the field is empty', () => {
    expect(checkAmount('  ', limits)).toEqual({ kind: 'empty' });
  });

  it('turns the field off when the Stripe account charges in another currency', () => {
    expect(checkAmount('10', { ...limits, accountCurrency: 'cad' })).toEqual({
      kind: 'disabled',
      reason: 'Your Stripe account charges in CAD; this invoice is in USD.',
    });
  });

  it('turns the field off when nothing is left to pay', () => {
    expect(checkAmount('10', { ...limits, balanceDueMinor: 0 })).toMatchObject({ kind: 'disabled' });
  });
});
