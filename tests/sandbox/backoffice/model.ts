// The back office's own data model. It knows nothing of Stripe: the extension records Stripe
// payments as "Other" payments, exactly as a consultant would type them by hand.

export type InvoiceKind = 'NormalSale' | 'ReturnExchange';
export type PaymentMethod = 'cash' | 'check' | 'propay' | 'other';

export interface Consultant {
  name: string;
  consultantId: string;
  email: string;
  phone: string;
  address: string;
  unit: string;
}

export interface Gateway {
  name: string;
  connected: boolean;
  accountNumber: string | null;
  isDefault: boolean;
}

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string;
  city: string;
}

export interface InvoiceLine {
  sku: string;
  product: string;
  qty: number;
  priceCents: number;
}

export interface Payment {
  id: string;
  date: string;
  method: PaymentMethod;
  /** For method 'other': the type chosen in the Other payment row, e.g. "Other Credit Card". */
  otherType: string | null;
  /** For method 'check'. */
  checkNumber: string | null;
  amountCents: number;
  note: string;
  reversedOn: string | null;
}

export interface Invoice {
  number: string;
  date: string;
  customerId: string;
  kind: InvoiceKind;
  lines: InvoiceLine[];
  /** Tax rate in basis points (825 = 8.25%), fixed when the invoice is saved. */
  taxRateBp: number;
  payments: Payment[];
}

export interface BackofficeState {
  version: 1;
  consultant: Consultant;
  gateways: Gateway[];
  customers: Customer[];
  invoices: Invoice[];
  nextInvoiceNumber: number;
  /** Numbers handed to new-invoice forms that are open and not saved yet (absent in older data files). */
  reservedInvoiceNumbers?: string[];
  nextPaymentId: number;
  taxRateBp: number;
  emailTemplate: { subject: string; body: string };
  /** Every email the site has sent, exactly as posted from the Email Invoice form (absent in older saved states). */
  outbox?: SentEmail[];
}

export interface SentEmail {
  id: string;
  invoiceNumber: string;
  to: string;
  subject: string;
  body: string;
  sentAt: string;
}

export const PAYMENT_LINK_PLACEHOLDER = '[PaymentLink]';
export const OTHER_PAYMENT_TYPES = ['Other Credit Card', 'Money Order', 'Gift Certificate', 'Venmo', 'Other'] as const;

export function subtotalCents(invoice: Invoice): number {
  return invoice.lines.reduce((sum, line) => sum + line.qty * line.priceCents, 0);
}

/** Rounds half up in integer arithmetic so a cent is never lost to floating point. */
export function taxCents(invoice: Invoice): number {
  return Math.floor((subtotalCents(invoice) * invoice.taxRateBp + 5000) / 10000);
}

export function totalCents(invoice: Invoice): number {
  return subtotalCents(invoice) + taxCents(invoice);
}

export function paidCents(invoice: Invoice): number {
  return invoice.payments.filter((p) => p.reversedOn === null).reduce((sum, p) => sum + p.amountCents, 0);
}

export function balanceDueCents(invoice: Invoice): number {
  return totalCents(invoice) - paidCents(invoice);
}

export function isPaidInFull(invoice: Invoice): boolean {
  return balanceDueCents(invoice) <= 0;
}

export function customerName(customer: Customer): string {
  return `${customer.firstName} ${customer.lastName}`;
}

export function kindLabel(kind: InvoiceKind): string {
  return kind === 'NormalSale' ? 'Normal Sale' : 'Return/Exchange';
}

export function methodLabel(payment: Payment): string {
  switch (payment.method) {
    case 'cash':
      return 'Cash';
    case 'check':
      return payment.checkNumber ? `Check #${payment.checkNumber}` : 'Check';
    case 'propay':
      return 'ProPay Credit Card';
    case 'other':
      return payment.otherType ?? 'Other';
  }
}
