import * as z from 'zod/mini';
import { MAX_AMOUNT_MINOR } from './money';
import { INVOICE_NUMBER_PATTERN, PAYMENT_STATUSES, REFUND_REASONS, REFUND_STATUSES } from './statuses';
import { MAX_PAY_LINK_LINES } from './limits';

// The wire contract between the extension's background and the worker's /api and /connect routes.
// Both sides parse with these schemas; neither hand-copies a request or response type.

/** base64url of a SHA-256 digest: 43 characters, no padding. */
export const challengeSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'challenge must be the base64url SHA-256 of the verifier'));
/** The extension's secret half of the connect handshake: 43–128 base64url characters (as PKCE). */
const verifierSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43,128}$/, 'verifier must be 43–128 base64url characters'));

export const redeemRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(20, 'code is too short'), z.maxLength(200, 'code is too long')),
  verifier: verifierSchema,
  /** How the consultant will recognise this browser in the list of signed-in browsers. */
  label: z.optional(z.string().check(z.maxLength(60, 'label is too long'))),
});

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

export const settingsRequestSchema = z.strictObject({
  stripeIsDefaultGateway: z.boolean('stripeIsDefaultGateway must be true or false'),
});

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
export const siteCustomerSchema = z.strictObject({
  id: z.string().check(z.minLength(1, 'customer id is missing'), z.maxLength(64)),
  name: z.string().check(z.minLength(1, 'customer name is missing'), z.maxLength(200)),
  email: z.nullable(z.email('customer email is not an email address').check(z.maxLength(254))),
});
export type SiteCustomer = z.infer<typeof siteCustomerSchema>;

const cardSummarySchema = z.object({ brand: z.string(), last4: z.string(), expMonth: z.int(), expYear: z.int() });
export type CardSummary = z.infer<typeof cardSummarySchema>;

export const cardLinkRequestSchema = z.strictObject({ customer: siteCustomerSchema });
export const cardLinkResponseSchema = z.object({ url: z.url(), expiresAt: z.int() });

// ---- Charges -------------------------------------------------------------------------------------

const minorAmountSchema = z
  .int('amount must be a whole number of cents')
  .check(z.positive('amount must be more than zero'), z.maximum(MAX_AMOUNT_MINOR, 'amount is too large'));
const minorTotal = z.int().check(z.nonnegative(), z.maximum(MAX_AMOUNT_MINOR));
/** An invoice number as the site shows it. */
export const invoiceNumberSchema = z.string().check(z.regex(INVOICE_NUMBER_PATTERN, 'invoice number is not valid'));

/** The invoice as the page shows it when the consultant confirms. */
export const siteInvoiceSchema = z.strictObject({
  number: invoiceNumberSchema,
  kind: z.enum(['normal_sale', 'return_exchange']),
  totalMinor: minorTotal,
  balanceDueMinor: minorTotal,
  currency: z.string().check(z.regex(/^[a-z]{3}$/, 'currency must be a lowercase ISO code')),
  customer: siteCustomerSchema,
});
export type SiteInvoice = z.infer<typeof siteInvoiceSchema>;

export const chargeRequestSchema = z.strictObject({
  /** Made by the extension once per Confirm; a retry of the same Confirm sends the same id. */
  attemptId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'attemptId must be 16–64 characters')),
  invoice: siteInvoiceSchema,
  amountMinor: minorAmountSchema,
});

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

export const refundRequestSchema = z.strictObject({
  /** One per click on Refund; a retry of the same click sends the same id. */
  attemptId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'attemptId must be 16–64 characters')),
  invoiceNumber: invoiceNumberSchema,
  /** The invoice kind as the list shows it; only Normal Sale invoices can be refunded to Stripe. */
  kind: z.enum(['normal_sale', 'return_exchange']),
  amountMinor: minorAmountSchema,
  /** Optional, passed to Stripe's refund `reason`. */
  reason: z.optional(z.enum(REFUND_REASONS)),
});
export type RefundRequest = z.infer<typeof refundRequestSchema>;

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

export const MAX_STATUS_INVOICES = 5000;
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

const invoiceLineSchema = z.strictObject({
  description: z
    .string()
    .check(z.minLength(1, 'line description is missing'), z.maxLength(120, 'line description is too long')),
  quantity: z
    .int('line quantity must be a whole number')
    .check(z.positive('line quantity must be more than zero'), z.maximum(9999, 'line quantity is too large')),
  /** The line's amount (quantity × price) in minor units; a discount line may be negative. */
  amountMinor: z
    .int('line amount must be a whole number of cents')
    .check(
      z.minimum(-MAX_AMOUNT_MINOR, 'line amount is too small'),
      z.maximum(MAX_AMOUNT_MINOR, 'line amount is too large'),
    ),
});
/** What the customer's pay page shows of the invoice besides its number: its date and lines. */
export const invoiceDetailsSchema = z.strictObject({
  date: z.iso.date('invoice date must be a date (YYYY-MM-DD)'),
  lines: z.array(invoiceLineSchema).check(z.maxLength(MAX_PAY_LINK_LINES, 'too many invoice lines')),
});
export type InvoiceDetails = z.infer<typeof invoiceDetailsSchema>;

export const payLinkRequestSchema = z.strictObject({
  invoice: siteInvoiceSchema,
  /** Optional so an older extension still gets a link; its pay page then shows the number only. */
  details: z.optional(invoiceDetailsSchema),
});
export const payLinkResponseSchema = z.object({ url: z.url(), expiresAt: z.int(), amountMinor: z.int() });
export type PayLinkResponse = z.infer<typeof payLinkResponseSchema>;
