import * as z from 'zod/mini';
import * as requests from './api-requests';
import { PAYMENT_STATUSES, REFUND_STATUSES } from './statuses';

// The wire contract between the extension's background and the worker's /api and /connect routes.
// Both sides parse with these schemas; neither hand-copies a request or response type. Requests are
// in api-requests.ts, which the worker imports alone (it builds each schema on first use and never
// evaluates this file); the ones the extension parses with are built here.

export const accountSummarySchema = z.object({
  id: z.string(),
  businessName: z.nullable(z.string()),
  livemode: z.boolean(),
  currency: z.string(),
  status: z.enum(['connected', 'disconnected']),
  stripeIsDefaultGateway: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const redeemResponseSchema = z.object({ token: z.string(), account: accountSummarySchema });
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;

/** Why a Connect attempt ended without a token; the extension turns each into a sentence (locales/en.yml). */
export const CONNECT_FAILURES = [
  'access_denied',
  'account_refused',
  'expired',
  'stripe_unavailable',
  'failed',
] as const;
export type ConnectFailure = (typeof CONNECT_FAILURES)[number];

// ---- Customers and cards ----------------------------------------------------------------------

/** The site's customer as the invoice page shows it. */
export const siteCustomerSchema = requests.siteCustomer();
export type SiteCustomer = z.infer<typeof siteCustomerSchema>;

const cardSummarySchema = z.object({ brand: z.string(), last4: z.string(), expMonth: z.int(), expYear: z.int() });
export type CardSummary = z.infer<typeof cardSummarySchema>;

export const cardLinkResponseSchema = z.object({ url: z.url(), expiresAt: z.int() });

// ---- Charges -------------------------------------------------------------------------------------

/** The invoice as the page shows it when the consultant confirms. */
export const siteInvoiceSchema = requests.siteInvoice();
export type SiteInvoice = z.infer<typeof siteInvoiceSchema>;

const paymentSummarySchema = z.object({
  id: z.string(),
  invoiceNumber: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amountMinor: z.int(),
  currency: z.string(),
  card: z.nullable(z.object({ brand: z.string(), last4: z.string() })),
  feeMinor: z.nullable(z.int()),
  netMinor: z.nullable(z.int()),
  refundedMinor: z.int(),
  paymentIntentId: z.nullable(z.string()),
  chargeId: z.nullable(z.string()),
  /** Plain words for the consultant when the attempt did not succeed. */
  message: z.nullable(z.string()),
  failureCode: z.nullable(z.string()),
  authenticationUrl: z.nullable(z.string()),
  createdAt: z.int(),
  recordedOnSite: z.boolean(),
});
export type PaymentSummary = z.infer<typeof paymentSummarySchema>;

export const chargeResponseSchema = z.object({ payment: paymentSummarySchema });
export const invoicePaymentsResponseSchema = z.object({
  payments: z.array(paymentSummarySchema),
  card: z.nullable(cardSummarySchema),
});

// ---- Refunds and list status ----------------------------------------------------------------------

export type RefundRequest = z.infer<ReturnType<typeof requests.refundRequest>>;

const refundSummarySchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  status: z.enum(REFUND_STATUSES),
  amountMinor: z.int(),
  message: z.nullable(z.string()),
  createdAt: z.int(),
});
export type RefundSummary = z.infer<typeof refundSummarySchema>;

/** What the Paid and Unpaid lists show per invoice: arrows and amounts, for up to 500 invoices at once. */
const invoiceStripeStatusSchema = z.object({
  number: z.string(),
  kind: z.enum(['normal_sale', 'return_exchange']),
  currency: z.string(),
  chargedMinor: z.int(),
  refundedMinor: z.int(),
  pendingRefundMinor: z.int(),
  refundableMinor: z.int(),
  /** none: no Stripe payment; paid: green arrow; refunded: red arrow (fully refunded). */
  state: z.enum(['none', 'paid', 'partially_refunded', 'refunded', 'refund_pending']),
  unrecordedPaymentIds: z.array(z.string()),
  /** The card the invoice's Stripe payments were made with; null when none, or several cards. */
  card: z.nullable(z.object({ brand: z.string(), last4: z.string() })),
  /** When the latest refund that went through was made (ms), for "Refunded $10.00 of $56.29 on …". */
  lastRefundAt: z.nullable(z.int()),
});
export type InvoiceStripeStatus = z.infer<typeof invoiceStripeStatusSchema>;

export { MAX_STATUS_INVOICES } from './limits';
export const invoiceStatusResponseSchema = z.object({ invoices: z.array(invoiceStripeStatusSchema) });
export const refundResponseSchema = z.object({
  refunds: z.array(refundSummarySchema),
  status: invoiceStripeStatusSchema,
});

// ---- Signed-in browsers -------------------------------------------------------------------------
const sessionSchema = z.object({
  id: z.string(),
  label: z.nullable(z.string()),
  createdAt: z.int(),
  lastUsedAt: z.nullable(z.int()),
  current: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionsResponseSchema = z.object({ sessions: z.array(sessionSchema) });
// ---- Payment links -------------------------------------------------------------------------------

/** What the customer's pay page shows of the invoice besides its number: its date and lines. */
export const invoiceDetailsSchema = requests.invoiceDetails();
export type InvoiceDetails = z.infer<typeof invoiceDetailsSchema>;

export const payLinkResponseSchema = z.object({ url: z.url(), expiresAt: z.int(), amountMinor: z.int() });
export type PayLinkResponse = z.infer<typeof payLinkResponseSchema>;
