import { textOf } from '../../../extension/src/site/dom';
import * as shape from '../../../extension/src/site/shape';

// Each element the adapter needs, renamed the way a redesign of the site might rename it: a new id
// or field name, a new label or button word, a new column header. Keyed by the shape check's name.

type Rename = (doc: Document) => void;

const setAttribute =
  (selector: string, name: string, value: string): Rename =>
  (doc) => {
    const el = doc.querySelector(selector);
    if (!el) throw new Error(`nothing to rename at ${selector}`);
    el.setAttribute(name, value);
  };

const retitle =
  (selector: string, from: string, to: string): Rename =>
  (doc) => {
    const el = Array.from(doc.querySelectorAll(selector)).find((candidate) => textOf(candidate) === from);
    if (!el) throw new Error(`no ${selector} reading "${from}"`);
    el.textContent = to;
  };

export const RENAMED: Record<string, Rename> = {
  [shape.invoiceNumber.name]: setAttribute('input[name="invoice_number"]', 'name', 'invoice_no'),
  [shape.customer.name]: setAttribute('select[name="customer_id"]', 'name', 'client_id'),
  [shape.invoiceType.name]: setAttribute('select[name="invoice_type"]', 'name', 'sale_type'),
  [shape.currency.name]: setAttribute('input[name="currency"]', 'name', 'currency_code'),
  [shape.invoiceTotal.name]: setAttribute('#invoiceTotal', 'id', 'grandTotal'),
  [shape.amountPaid.name]: setAttribute('#amountPaid', 'id', 'paidToDate'),
  [shape.balanceDue.name]: setAttribute('#balanceDue', 'id', 'amountOwing'),
  [shape.paymentFields.name]: setAttribute('#paymentFields', 'id', 'payments'),
  [shape.continueButton.name]: retitle('button', 'Continue', 'Next'),
  [shape.reviewStep.name]: setAttribute('#reviewStep', 'id', 'confirmStep'),
  [shape.confirmButton.name]: retitle('button', 'Confirm', 'Save Invoice'),
  [shape.reviewPayments.name]: retitle('#reviewPayments th', 'Payment Type', 'Method'),
  [shape.otherPaymentRow.name]: retitle('#otherPayment label', 'Amount', 'Amount Received'),
  [shape.invoiceListColumns.name]: retitle('th', 'Balance', 'Amount Due'),
  [shape.paymentGateways.name]: retitle('h2', 'Payment Gateways', 'Gateways'),
  [shape.emailPaymentLink.name]: retitle('dt', 'Payment Link', 'Pay Online'),
  [shape.emailMessage.name]: retitle('label', 'Message', 'Your Note'),
  [shape.backToInvoiceLink.name]: retitle('a', 'Back to Invoice', 'Return to invoice'),
};
