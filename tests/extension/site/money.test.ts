import { describe, expect, it } from 'vitest';
import {
  centsToInputText,
  formatSiteDate,
  formatSiteMoney,
  parseDollarText,
  parseSiteDate,
} from '../../../extension/src/site/money';

describe("reading the site's money", () => {
  it('reads dollar text as whole cents', () => {
    expect(parseDollarText('$1,234.50')).toBe(123450);
    expect(parseDollarText('$0.07')).toBe(7);
    expect(parseDollarText('-$5.00')).toBe(-500);
    expect(parseDollarText(' $263.05 ')).toBe(26305);
  });

  it('keeps every cent where floating point would lose one', () => {
    expect(parseDollarText('$1,000,000.29')).toBe(100000029);
    expect(parseDollarText('$0.29')).toBe(29);
  });

  it('refuses text that is not a dollar amount', () => {
    for (const text of ['', 'USD', '$1.5', '$12,34.00', '1.234', 'abc']) expect(parseDollarText(text), text).toBeNull();
  });

  it("writes cents in the form the site's amount inputs take", () => {
    expect(centsToInputText(4000)).toBe('40.00');
    expect(centsToInputText(7)).toBe('0.07');
    expect(() => centsToInputText(-1)).toThrow(RangeError);
  });

  it("reads the site's dates", () => {
    expect(parseSiteDate('03/05/2025')).toBe('2025-03-05');
    expect(parseSiteDate('Reversed')).toBeNull();
  });
});

describe('writing money and dates as the site prints them', () => {
  it('prints cents as the site prints dollars, and reads back the same', () => {
    for (const cents of [0, 7, 5629, 123450, 100000029, -500])
      expect(parseDollarText(formatSiteMoney(cents))).toBe(cents);
    expect(formatSiteMoney(123450)).toBe('$1,234.50');
  });

  it('prints a moment as the site prints a date, MM/DD/YYYY', () => {
    const moment = new Date(2026, 2, 5, 14, 30).getTime();
    expect(formatSiteDate(moment)).toBe('03/05/2026');
    expect(parseSiteDate(formatSiteDate(moment))).toBe('2026-03-05');
  });
});
