import { tableRows, tableWithHeaders, textOf } from './dom';
import type { InvoiceKind } from './invoice';
import { parseDollarText, parseSiteDate } from './money';

// The Paid Invoices and Unpaid Invoices tables.

export interface InvoiceRow {
  number: string;
  date: string | null;
  customerName: string;
  kind: InvoiceKind;
  totalCents: number;
  paidCents: number;
  balanceCents: number;
  /** Where the invoice opens (the number's link), relative to the list page. */
  invoiceHref: string | null;
  /** The row's Actions cell (Edit | Email); refund arrows go here. */
  actionsCell: Element;
  row: HTMLTableRowElement;
}

const LIST_HEADERS = ['Invoice #', 'Date', 'Customer', 'Type', 'Total', 'Paid', 'Balance', 'Actions'] as const;
const KIND_BY_LABEL: Record<string, InvoiceKind> = {
  'Normal Sale': 'normal_sale',
  'Return/Exchange': 'return_exchange',
};

/** The invoices table of a Paid or Unpaid list, found by its column headers. */
export function findInvoiceListTable(doc: ParentNode): HTMLTableElement | null {
  return tableWithHeaders(doc, LIST_HEADERS);
}

/** Rows the site lists, skipping any it prints in a form we do not understand. */
export function readInvoiceRows(doc: ParentNode): InvoiceRow[] {
  const table = findInvoiceListTable(doc);
  if (!table) return [];
  return tableRows(table).flatMap(({ row, cell }) => {
    const number = textOf(cell('Invoice #'));
    const kind = KIND_BY_LABEL[textOf(cell('Type'))];
    const totalCents = parseDollarText(textOf(cell('Total')));
    const paidCents = parseDollarText(textOf(cell('Paid')));
    const balanceCents = parseDollarText(textOf(cell('Balance')));
    const actionsCell = cell('Actions');
    if (
      !/^\d+$/.test(number) ||
      !kind ||
      totalCents === null ||
      paidCents === null ||
      balanceCents === null ||
      !actionsCell
    )
      return [];
    const invoiceHref = cell('Invoice #')?.querySelector('a[href]')?.getAttribute('href') ?? null;
    return [
      {
        number,
        invoiceHref,
        date: parseSiteDate(textOf(cell('Date'))),
        customerName: textOf(cell('Customer')),
        kind,
        totalCents,
        paidCents,
        balanceCents,
        actionsCell,
        row,
      },
    ];
  });
}

/** A moment as the lists print their Date column ("12/02/2026"), in the consultant's time zone. */
export function siteDateText(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}/${two(d.getDate())}/${d.getFullYear()}`;
}
