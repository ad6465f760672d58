import { OTHER_PAYMENT_TYPES, type BackofficeState, type InvoiceKind, type InvoiceLine } from './model.ts';
import type { EnteredPayments } from './pages/invoice-form.ts';
import type { InvoiceSubmission, NewPayment } from './store.ts';

// Turns the posted invoice form into a submission, the way the site validates it: amounts are
// dollars with at most two decimals, blank product rows are ignored.

export type ParsedForm =
  | { ok: true; submission: InvoiceSubmission; entered: EnteredPayments }
  | { ok: false; message: string; entered: EnteredPayments; draft: Omit<InvoiceSubmission, 'payments'> };

/** "1,234.5" → 123450; "" → null; anything else → NaN (refused). */
function parseDollars(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (cleaned === '') return null;
  const m = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function parseLines(form: URLSearchParams): InvoiceLine[] | string {
  const skus = form.getAll('line_sku');
  const products = form.getAll('line_product');
  const qtys = form.getAll('line_qty');
  const prices = form.getAll('line_price');
  const lines: InvoiceLine[] = [];
  for (let i = 0; i < products.length; i += 1) {
    const product = (products[i] ?? '').trim();
    const qtyText = (qtys[i] ?? '').trim();
    const priceText = prices[i] ?? '';
    if (product === '' && qtyText === '' && priceText.trim() === '') continue;
    const qty = /^\d{1,4}$/.test(qtyText) ? Number(qtyText) : Number.NaN;
    const priceCents = parseDollars(priceText);
    if (product === '' || !(qty > 0) || priceCents === null || Number.isNaN(priceCents)) {
      return `Product line ${i + 1} needs a product, a quantity and a price.`;
    }
    lines.push({ sku: (skus[i] ?? '').trim(), product, qty, priceCents });
  }
  return lines;
}

export function parseInvoiceForm(form: URLSearchParams, state: BackofficeState): ParsedForm {
  const kindValue = form.get('invoice_type');
  const kind: InvoiceKind = kindValue === 'ReturnExchange' ? 'ReturnExchange' : 'NormalSale';
  const entered: EnteredPayments = {
    cash: form.get('payment_cash') ?? '',
    check: form.get('payment_check') ?? '',
    checkNumber: form.get('check_number') ?? '',
    propay: form.get('payment_propay') ?? '',
    otherType: form.get('other_payment_type') ?? '',
    otherAmount: form.get('other_payment_amount') ?? '',
    otherNote: form.get('other_payment_note') ?? '',
  };
  const parsedLines = parseLines(form);
  const draft = {
    number: form.get('invoice_number') ?? '',
    customerId: form.get('customer_id') ?? '',
    kind,
    lines: typeof parsedLines === 'string' ? [] : parsedLines,
  };
  const refuse = (message: string): ParsedForm => ({ ok: false, message, entered, draft });
  if (typeof parsedLines === 'string') return refuse(parsedLines);
  if (kindValue !== 'NormalSale' && kindValue !== 'ReturnExchange') return refuse('Please choose the invoice type.');

  const payments: NewPayment[] = [];
  const add = (label: string, text: string | undefined, p: Omit<NewPayment, 'amountCents'>): string | null => {
    const cents = parseDollars(text ?? '');
    if (cents === null || cents === 0) return null;
    if (Number.isNaN(cents)) return `${label}: enter an amount like 25.00.`;
    payments.push({ ...p, amountCents: cents });
    return null;
  };
  const propayConnected = state.gateways.some((g) => g.name === 'ProPay' && g.connected);
  const otherType = entered.otherType ?? '';
  const errors = [
    add('Cash', entered.cash, { method: 'cash', otherType: null, checkNumber: null, note: '' }),
    add('Check', entered.check, {
      method: 'check',
      otherType: null,
      checkNumber: (entered.checkNumber ?? '').trim() || null,
      note: '',
    }),
    propayConnected
      ? add('ProPay Credit Card', entered.propay, { method: 'propay', otherType: null, checkNumber: null, note: '' })
      : null,
    add('Other Payment', entered.otherAmount, {
      method: 'other',
      otherType,
      checkNumber: null,
      note: (entered.otherNote ?? '').trim().slice(0, 200),
    }),
  ].filter((e): e is string => e !== null);
  if (errors[0]) return refuse(errors[0]);
  if (payments.some((p) => p.method === 'other') && !(OTHER_PAYMENT_TYPES as readonly string[]).includes(otherType)) {
    return refuse('Other Payment: choose a payment type.');
  }
  return { ok: true, submission: { ...draft, payments }, entered };
}
