import { amountInputValue, dollars, html, usDate, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import {
  balanceDueCents,
  customerName,
  kindLabel,
  methodLabel,
  OTHER_PAYMENT_TYPES,
  paidCents,
  subtotalCents,
  taxCents,
  totalCents,
  type BackofficeState,
  type Customer,
  type Invoice,
  type InvoiceKind,
  type Payment,
} from '../model.ts';
import { REVIEW_SCRIPT } from './invoice-review-script.ts';

/** What the consultant typed into the payment fields, echoed back when the form is refused. */
export interface EnteredPayments {
  cash?: string;
  check?: string;
  checkNumber?: string;
  propay?: string;
  otherType?: string;
  otherAmount?: string;
  otherNote?: string;
}

export interface InvoiceFormOptions {
  state: BackofficeState;
  invoice: Invoice;
  isNew: boolean;
  entered?: EnteredPayments;
  notice?: { kind: 'error' | 'success'; text: string };
}

const BLANK_LINES = 2;

function customerOption(customer: Customer, selectedId: string): SafeHtml {
  const contact = customer.email ?? 'no email on file';
  return html`<option value="${customer.id}" ${customer.id === selectedId ? html`selected` : ''}>${customerName(customer)} (${contact})</option>`;
}

function kindOption(kind: InvoiceKind, selected: InvoiceKind): SafeHtml {
  return html`<option value="${kind}" ${kind === selected ? html`selected` : ''}>${kindLabel(kind)}</option>`;
}

function linesTable(invoice: Invoice): SafeHtml {
  const rows = invoice.lines.map(
    (l) => html`<tr>
  <td><input type="text" name="line_sku" value="${l.sku}" size="7" aria-label="Item #"></td>
  <td><input type="text" name="line_product" value="${l.product}" size="42" aria-label="Product"></td>
  <td class="num"><input type="text" name="line_qty" value="${l.qty}" size="3" aria-label="Qty"></td>
  <td class="num"><input type="text" name="line_price" value="${amountInputValue(l.priceCents)}" class="amount" aria-label="Price"></td>
  <td class="num">${dollars(l.qty * l.priceCents)}</td>
</tr>`,
  );
  const blanks = Array.from(
    { length: BLANK_LINES },
    () => html`<tr>
  <td><input type="text" name="line_sku" value="" size="7" aria-label="Item #"></td>
  <td><input type="text" name="line_product" value="" size="42" aria-label="Product"></td>
  <td class="num"><input type="text" name="line_qty" value="" size="3" aria-label="Qty"></td>
  <td class="num"><input type="text" name="line_price" value="" class="amount" aria-label="Price"></td>
  <td class="num"></td>
</tr>`,
  );
  return html`<table class="grid" id="invoiceLines">
<thead><tr><th>Item #</th><th>Product</th><th class="num">Qty</th><th class="num">Price</th><th class="num">Amount</th></tr></thead>
<tbody>${rows}${blanks}</tbody>
</table>`;
}

function totalsTable(invoice: Invoice): SafeHtml {
  const rate = `${Math.floor(invoice.taxRateBp / 100)}.${String(invoice.taxRateBp % 100).padStart(2, '0')}%`;
  // The site's script totals as the consultant types; it starts from the rate and what is already recorded.
  return html`<table class="totals" id="invoiceTotals" data-tax-rate-bp="${invoice.taxRateBp}" data-recorded-paid="${paidCents(invoice)}">
<tr><th>Subtotal</th><td id="subtotal">${dollars(subtotalCents(invoice))}</td></tr>
<tr><th>Sales Tax (${rate})</th><td id="salesTax">${dollars(taxCents(invoice))}</td></tr>
<tr class="grand"><th>Invoice Total</th><td id="invoiceTotal">${dollars(totalCents(invoice))}</td></tr>
<tr><th>Amount Paid</th><td id="amountPaid">${dollars(paidCents(invoice))}</td></tr>
<tr class="due"><th>Balance Due</th><td id="balanceDue">${dollars(balanceDueCents(invoice))}</td></tr>
</table>`;
}

function paymentFields(state: BackofficeState, entered: EnteredPayments): SafeHtml {
  const propay = state.gateways.find((g) => g.name === 'ProPay' && g.connected);
  return html`<fieldset id="paymentFields">
<legend>Payment Received</legend>
<div class="field-row"><label for="payment_cash">Cash</label><input type="text" class="amount" id="payment_cash" name="payment_cash" inputmode="decimal" placeholder="0.00" value="${entered.cash ?? ''}"></div>
<div class="field-row"><label for="payment_check">Check</label><input type="text" class="amount" id="payment_check" name="payment_check" inputmode="decimal" placeholder="0.00" value="${entered.check ?? ''}">
  <label for="check_number" style="width:auto">Check #</label><input type="text" id="check_number" name="check_number" size="8" value="${entered.checkNumber ?? ''}"></div>
${
  propay
    ? html`<div class="field-row"><label for="payment_propay">ProPay Credit Card</label><input type="text" class="amount" id="payment_propay" name="payment_propay" inputmode="decimal" placeholder="0.00" value="${entered.propay ?? ''}"> <span class="muted">ProPay account ${propay.accountNumber}</span></div>`
    : ''
}
</fieldset>
<fieldset id="otherPayment">
<legend>Other Payment</legend>
<div class="field-row"><label for="other_payment_type">Payment Type</label><select id="other_payment_type" name="other_payment_type">
  ${OTHER_PAYMENT_TYPES.map((t) => html`<option value="${t}" ${t === (entered.otherType ?? OTHER_PAYMENT_TYPES[0]) ? html`selected` : ''}>${t}</option>`)}
</select></div>
<div class="field-row"><label for="other_payment_amount">Amount</label><input type="text" class="amount" id="other_payment_amount" name="other_payment_amount" inputmode="decimal" placeholder="0.00" value="${entered.otherAmount ?? ''}"></div>
<div class="field-row"><label for="other_payment_note">Note</label><input type="text" id="other_payment_note" name="other_payment_note" size="50" maxlength="200" value="${entered.otherNote ?? ''}"></div>
</fieldset>`;
}

function paymentRow(invoiceNumber: string, p: Payment): SafeHtml {
  const reversed = p.reversedOn !== null;
  return html`<tr class="${reversed ? 'reversed' : ''}">
  <td>${usDate(p.date)}</td><td>${methodLabel(p)}</td><td class="num">${dollars(p.amountCents)}</td><td>${p.note}</td>
  <td class="payment-status">${reversed ? `Reversed ${usDate(p.reversedOn ?? p.date)}` : 'Received'}</td>
  <td class="actions-cell">${
    reversed
      ? ''
      : html`<form method="post" action="/invoices/${invoiceNumber}/payments/${p.id}/reverse"><input type="hidden" name="payment_id" value="${p.id}"><button type="submit" class="btn small secondary">Reverse</button></form>`
  }</td>
</tr>`;
}

function paymentHistory(invoice: Invoice): SafeHtml {
  const rows =
    invoice.payments.length > 0
      ? invoice.payments.map((p) => paymentRow(invoice.number, p))
      : html`<tr><td colspan="6" class="muted">No payments recorded.</td></tr>`;
  return html`<h2>Payments Received</h2>
<table class="grid" id="paymentHistory">
<thead><tr><th>Date</th><th>Payment Type</th><th class="num">Amount</th><th>Note</th><th>Status</th><th>Actions</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

export function invoiceFormPage(options: InvoiceFormOptions): string {
  const { state, invoice, isNew } = options;
  const action = isNew ? '/invoices/new' : `/invoices/${invoice.number}`;
  const title = isNew ? `New Invoice #${invoice.number}` : `Invoice #${invoice.number}`;
  const body = html`<h1>${isNew ? 'New ' : ''}Invoice #<span id="invoiceNumber">${invoice.number}</span></h1>
${options.notice ? html`<div class="notice ${options.notice.kind}" role="${options.notice.kind === 'error' ? 'alert' : 'status'}">${options.notice.text}</div>` : ''}
<form id="invoiceForm" method="post" action="${action}" autocomplete="off">
<input type="hidden" name="invoice_number" value="${invoice.number}">
<input type="hidden" name="currency" value="USD">
<dl class="details">
  <dt>Invoice Date</dt><dd id="invoiceDate">${usDate(invoice.date)}</dd>
  <dt>Currency</dt><dd id="invoiceCurrency">USD</dd>
</dl>
<div class="field-row"><label for="customerId">Customer</label><select id="customerId" name="customer_id" required>
  <option value="" ${invoice.customerId === '' ? html`selected` : ''}>-- Select a customer --</option>
  ${state.customers.map((c) => customerOption(c, invoice.customerId))}
</select></div>
<div class="field-row"><label for="invoiceType">Invoice Type</label><select id="invoiceType" name="invoice_type">
  ${kindOption('NormalSale', invoice.kind)}${kindOption('ReturnExchange', invoice.kind)}
</select></div>
<h2>Products</h2>
${linesTable(invoice)}
${totalsTable(invoice)}
<h2>Payment</h2>
${paymentFields(state, options.entered ?? {})}
<div class="actions" id="invoiceActions">
  <button type="button" class="btn" id="continueButton" data-testid="invoice-continue">Continue</button>
  ${isNew ? '' : html`<a class="btn secondary" href="/invoices/${invoice.number}/email">Email Invoice</a>`}
</div>
<section id="reviewStep" hidden>
  <h3>Review Payments</h3>
  <table class="grid" id="reviewPayments"><thead><tr><th>Payment Type</th><th class="num">Amount</th></tr></thead><tbody></tbody></table>
  <div id="reviewNotices"></div>
  <div class="actions"><button type="button" class="btn secondary" id="backButton">Back</button><button type="submit" class="btn" id="confirmButton" data-testid="invoice-confirm">Confirm</button></div>
</section>
</form>
${isNew ? '' : paymentHistory(invoice)}`;
  return page({
    title,
    tab: 'invoices',
    consultant: state.consultant,
    path: isNew ? '/invoices/new' : '',
    body,
    script: REVIEW_SCRIPT,
  });
}
