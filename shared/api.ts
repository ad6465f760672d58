import { z } from 'zod';

// The wire contract between the extension's background and the worker's /api and /connect routes.
// Both sides parse with these schemas; neither hand-copies a request or response type.

/** base64url of a SHA-256 digest: 43 characters, no padding. */
export const challengeSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'challenge must be the base64url SHA-256 of the verifier');
/** The extension's secret half of the connect handshake: 43–128 base64url characters (as PKCE). */
export const verifierSchema = z.string().regex(/^[A-Za-z0-9_-]{43,128}$/);

export const redeemRequestSchema = z.object({ code: z.string().min(20).max(200), verifier: verifierSchema }).strict();
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;

export const accountSummarySchema = z.object({
  id: z.string(),
  businessName: z.string().nullable(),
  livemode: z.boolean(),
  currency: z.string(),
  status: z.enum(['connected', 'disconnected']),
  stripeIsDefaultGateway: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const redeemResponseSchema = z.object({ token: z.string(), account: accountSummarySchema });
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;

export const settingsRequestSchema = z.object({ stripeIsDefaultGateway: z.boolean() }).strict();
export type SettingsRequest = z.infer<typeof settingsRequestSchema>;

/** Why a Connect attempt ended without a token; the extension turns each into a sentence. */
export const CONNECT_FAILURES = ['access_denied', 'account_refused', 'expired', 'stripe_unavailable', 'failed'] as const;
export type ConnectFailure = (typeof CONNECT_FAILURES)[number];

export const CONNECT_FAILURE_MESSAGES: Record<ConnectFailure, string> = {
  access_denied: 'You chose not to connect a Stripe account. Nothing was changed.',
  account_refused:
    'Stripe would not connect that account. If it is the account of your MK My Shop, it is reserved for online Shop orders: connect or create a different Stripe account.',
  expired: 'That connection attempt expired. Click Connect Your Stripe Account to start again.',
  stripe_unavailable: 'Stripe could not be reached to finish connecting. Please try again in a minute.',
  failed: 'Connecting to Stripe did not finish. Please try again.',
};

// ---- Customers and cards ----------------------------------------------------------------------

/** The site's customer as the invoice page shows it. */
export const siteCustomerSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    email: z.string().email().max(254).nullable(),
  })
  .strict();
export type SiteCustomer = z.infer<typeof siteCustomerSchema>;

export const cardSummarySchema = z.object({ brand: z.string(), last4: z.string(), expMonth: z.number().int(), expYear: z.number().int() });
export type CardSummary = z.infer<typeof cardSummarySchema>;

export const cardLinkRequestSchema = z.object({ customer: siteCustomerSchema }).strict();
export const cardLinkResponseSchema = z.object({ url: z.string().url(), expiresAt: z.number().int() });

// ---- Charges -------------------------------------------------------------------------------------

const minorAmount = z.number().int().positive().max(99_999_999);

/** The invoice as the page shows it when the consultant confirms. */
export const siteInvoiceSchema = z
  .object({
    number: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
    kind: z.enum(['normal_sale', 'return_exchange']),
    totalMinor: z.number().int().nonnegative().max(99_999_999),
    balanceDueMinor: z.number().int().nonnegative().max(99_999_999),
    currency: z.string().regex(/^[a-z]{3}$/),
    customer: siteCustomerSchema,
  })
  .strict();
export type SiteInvoice = z.infer<typeof siteInvoiceSchema>;

export const chargeRequestSchema = z
  .object({
    /** Made by the extension once per Confirm; a retry of the same Confirm sends the same id. */
    attemptId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    invoice: siteInvoiceSchema,
    amountMinor: minorAmount,
  })
  .strict();
export type ChargeRequest = z.infer<typeof chargeRequestSchema>;

export const PAYMENT_STATUSES = ['pending', 'unknown', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const paymentSummarySchema = z.object({
  id: z.string(),
  invoiceNumber: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amountMinor: z.number().int(),
  currency: z.string(),
  card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
  feeMinor: z.number().int().nullable(),
  netMinor: z.number().int().nullable(),
  refundedMinor: z.number().int(),
  paymentIntentId: z.string().nullable(),
  chargeId: z.string().nullable(),
  /** Plain words for the consultant when the attempt did not succeed. */
  message: z.string().nullable(),
  failureCode: z.string().nullable(),
  authenticationUrl: z.string().nullable(),
  createdAt: z.number().int(),
  recordedOnSite: z.boolean(),
});
export type PaymentSummary = z.infer<typeof paymentSummarySchema>;

export const chargeResponseSchema = z.object({ payment: paymentSummarySchema });
export const invoicePaymentsResponseSchema = z.object({ payments: z.array(paymentSummarySchema), card: cardSummarySchema.nullable() });
