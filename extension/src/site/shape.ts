import { findGatewaySettingsSlot } from './account';
import { findBackToInvoiceLink, findEmailMessage, findEmailPaymentLink } from './email';
import {
  findConfirmButton,
  findContinueButton,
  findInvoiceParts,
  findOtherPaymentFields,
  findPaymentFields,
  findReviewPayments,
  findReviewStep,
} from './invoice';
import { findInvoiceListTable } from './lists';

// What a page must hold before any Stripe control goes on it. The real site will change under the
// extension; a page whose layout this version does not know gets no control at all rather than a
// control wired to the wrong field. Each check is the adapter's own locator, so it passes exactly
// when the feature that needs it would find its element; its name, in the site's words, is what
// the switched-off line and the structure report say is missing. One constant per check, so a
// page's script carries only the checks (and locators) of its own features.

export interface ShapeCheck {
  name: string;
  /** The element the check stands for, or null when the page lacks it. */
  find: (doc: ParentNode) => Element | null;
}

type InvoicePart = Exclude<keyof ReturnType<typeof findInvoiceParts>, 'form'>;
const part = (name: string, key: InvoicePart): ShapeCheck => ({ name, find: (doc) => findInvoiceParts(doc)[key] });

export const invoiceNumber = part('invoice number', 'number');
export const customer = part('customer', 'customer');
export const invoiceType = part('invoice type', 'kind');
export const currency = part('currency', 'currency');
export const invoiceTotal = part('invoice total', 'total');
export const amountPaid = part('amount paid', 'paid');
export const balanceDue = part('balance due', 'balance');
export const paymentFields: ShapeCheck = { name: 'payment fields', find: findPaymentFields };
export const continueButton: ShapeCheck = { name: 'Continue button', find: findContinueButton };
export const reviewStep: ShapeCheck = { name: 'review step', find: findReviewStep };
export const confirmButton: ShapeCheck = { name: 'Confirm button', find: findConfirmButton };
export const reviewPayments: ShapeCheck = { name: 'review payments table', find: findReviewPayments };
export const otherPaymentRow: ShapeCheck = {
  name: 'Other Payment row',
  find: (doc) => findOtherPaymentFields(doc)?.container ?? null,
};
export const invoiceListColumns: ShapeCheck = { name: 'invoice list columns', find: findInvoiceListTable };
export const paymentGateways: ShapeCheck = { name: 'payment gateways', find: findGatewaySettingsSlot };
export const emailPaymentLink: ShapeCheck = { name: 'email payment link', find: findEmailPaymentLink };
export const emailMessage: ShapeCheck = { name: 'email message', find: findEmailMessage };
export const backToInvoiceLink: ShapeCheck = { name: 'Back to Invoice link', find: findBackToInvoiceLink };

/** What every invoice feature reads: the invoice, its customer and totals, and the payment fields. */
export const INVOICE_SHAPE: readonly ShapeCheck[] = [
  invoiceNumber,
  customer,
  invoiceType,
  currency,
  invoiceTotal,
  amountPaid,
  balanceDue,
  paymentFields,
];

/** The names of the checks among `needs` that `doc` fails, each once, in the order given. */
export function missingShape(doc: ParentNode, needs: readonly ShapeCheck[]): string[] {
  return [...new Set(needs)].filter((check) => !check.find(doc)).map((check) => check.name);
}

/** Where the line saying Stripe controls are off goes: the top of the site's content. */
export function findNoticeSlot(doc: ParentNode): Element | null {
  return doc.querySelector('main') ?? doc.querySelector('body');
}
