import type { InvoiceDetails } from '../../../shared/api';
import { MAX_PAY_LINK_LINES } from '../../../shared/limits';
import { textOf } from './dom';
import { parseDollarText, parseSiteDate } from './money';

// The invoice's date and product lines as its page shows them, for the customer's pay page. Read
// from the saved invoice (the lines' fields hold what was saved), never from a half-typed new one.

/** A product line's fields: Product, Qty and Price, as the invoice form names them. */
function lineFields(row: Element) {
  const q = (name: string) => row.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  return { product: q('line_product'), qty: q('line_qty'), price: q('line_price') };
}

/** "Invoice Date" as the site prints it ("04/08/2025"), as YYYY-MM-DD; null when the page has none. */
function readInvoiceDate(doc: ParentNode): string | null {
  const labelled = Array.from(doc.querySelectorAll('dt')).find((dt) => textOf(dt) === 'Invoice Date');
  return parseSiteDate(textOf(labelled?.nextElementSibling));
}

/** The invoice's date and filled-in product lines, or null when the page shows no date. */
export function readInvoiceDetails(doc: ParentNode): InvoiceDetails | null {
  const date = readInvoiceDate(doc);
  if (!date) return null;
  const lines: InvoiceDetails['lines'] = [];
  for (const row of Array.from(doc.querySelectorAll('form tr'))) {
    const { product, qty, price } = lineFields(row);
    if (!product || !qty || !price) continue;
    const description = product.value.trim().slice(0, 120);
    const quantity = /^\d{1,4}$/.test(qty.value.trim()) ? Number(qty.value.trim()) : 0;
    const priceCents = parseDollarText(price.value);
    if (!description || quantity <= 0 || priceCents === null) continue;
    lines.push({ description, quantity, amountMinor: quantity * priceCents });
  }
  return { date, lines: lines.slice(0, MAX_PAY_LINK_LINES) };
}
