import { describe, expect, it } from 'vitest';
import { readInvoiceRows } from '../../../extension/src/site/lists';
import { fixture } from './fixture';

describe('reading the Paid and Unpaid lists', () => {
  it('reads every unpaid invoice with its kind and amounts', () => {
    const rows = readInvoiceRows(fixture('invoices-unpaid'));
    expect(rows.map((r) => r.number)).toEqual(['1054', '1053', '1051', '1049', '1048', '1046', '1044', '1042']);
    expect(rows.find((r) => r.number === '1046')).toMatchObject({
      kind: 'normal_sale',
      totalCents: 26305,
      paidCents: 10000,
      balanceCents: 16305,
      customerName: 'Jane Cooper',
      date: '2025-03-15',
    });
    expect(rows.find((r) => r.number === '1049')?.kind).toBe('return_exchange');
  });

  it('reads paid invoices with nothing left to pay', () => {
    const rows = readInvoiceRows(fixture('invoices-paid'));
    expect(rows.length).toBe(6);
    expect(rows.every((r) => r.balanceCents === 0 && r.paidCents === r.totalCents)).toBe(true);
    expect(rows.map((r) => r.kind)).toContain('return_exchange');
  });

  it('gives each row its Actions cell, where refund arrows go', () => {
    const [row] = readInvoiceRows(fixture('invoices-paid'));
    expect(row?.actionsCell.textContent).toContain('Edit');
    expect(row?.row.contains(row.actionsCell)).toBe(true);
  });

  it('reads no rows on a page without the invoice list', () => {
    expect(readInvoiceRows(fixture('dashboard'))).toEqual([]);
    expect(readInvoiceRows(fixture('invoice-unpaid'))).toEqual([]);
  });
});
