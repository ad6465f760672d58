import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMinor, parseAmountInput } from '../../shared/money';
import { VERSION } from '../../shared/version';

describe('amounts typed by a consultant', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['$1,234.56', 123456],
    ['0.01', 1],
    ['  7 ', 700],
  ])('reads %j as %i cents without floating-point rounding', (text, cents) => {
    expect(parseAmountInput(text, 'usd')).toEqual({ ok: true, minor: cents });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['1.234', 'too_many_decimals'],
    ['0', 'not_positive'],
    ['0.00', 'not_positive'],
    ['-5', 'not_a_number'],
    ['1e3', 'not_a_number'],
    ['1000000', 'too_large'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseAmountInput(text, 'usd')).toEqual({ ok: false, reason });
  });

  it('takes whole units only in zero-decimal currencies', () => {
    expect(parseAmountInput('500', 'jpy')).toEqual({ ok: true, minor: 500 });
    expect(parseAmountInput('500.5', 'jpy')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('shows minor units as money', () => {
    expect(formatMinor(123456, 'usd')).toBe('$1,234.56');
    expect(formatMinor(5629, 'USD')).toBe('$56.29');
    expect(formatMinor(5, 'usd')).toBe('$0.05');
  });

  it("shows each currency with its own symbol and Stripe's minor unit", () => {
    expect(formatMinor(123456, 'eur')).toBe('€1,234.56');
    expect(formatMinor(5, 'gbp')).toBe('£0.05');
    // Zero-decimal: 1235 yen is ¥1,235, not ¥12.35.
    expect(formatMinor(1235, 'jpy')).toBe('¥1,235');
    expect(formatMinor(1500, 'kwd')).toBe('KWD\u00a01.500');
    // HUF counts fillér at Stripe although Intl shows forints whole.
    expect(formatMinor(123450, 'huf')).toBe('HUF\u00a01,234.50');
    expect(formatMinor(1250, 'cad')).toBe('CA$12.50');
  });

  it('still shows an amount whose currency code Intl does not know', () => {
    expect(formatMinor(1250, 'not-a-code')).toBe('12.50 NOT-A-CODE');
  });

  it('reads amounts in three-decimal currencies as thousandths', () => {
    expect(parseAmountInput('1.5', 'kwd')).toEqual({ ok: true, minor: 1500 });
    expect(parseAmountInput('1.5005', 'kwd')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });
});

describe('version', () => {
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
