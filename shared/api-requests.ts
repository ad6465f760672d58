import * as z from 'zod/mini';
import { MAX_AMOUNT_MINOR } from './money';
import { INVOICE_NUMBER_PATTERN, REFUND_REASONS } from './statuses';
import { MAX_PAY_LINK_LINES } from './limits';

// What the extension sends to the worker's /api and /connect routes, each schema built the first
// time it is asked for: a cold worker answers /health (or a request without a token) without
// building any of them. api.ts builds the ones the extension parses with.

/** A schema made by `build` on the first call and the same one on every call after. */
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/** base64url of a SHA-256 digest: 43 characters, no padding. */
export const challenge = once(() =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'challenge must be the base64url SHA-256 of the verifier')),
);

export const redeemRequest = once(() =>
  z.strictObject({
    code: z.string().check(z.minLength(20, 'code is too short'), z.maxLength(200, 'code is too long')),
    /** The extension's secret half of the connect handshake: 43–128 base64url characters (as PKCE). */
    verifier: z.string().check(z.regex(/^[A-Za-z0-9_-]{43,128}$/, 'verifier must be 43–128 base64url characters')),
    /** How the consultant will recognise this browser in the list of signed-in browsers. */
    label: z.optional(z.string().check(z.maxLength(60, 'label is too long'))),
  }),
);

export const settingsRequest = once(() =>
  z.strictObject({ stripeIsDefaultGateway: z.boolean('stripeIsDefaultGateway must be true or false') }),
);

// ---- Customers and cards ----------------------------------------------------------------------

/** The site's customer as the invoice page shows it. */
export const siteCustomer = once(() =>
  z.strictObject({
    id: z.string().check(z.minLength(1, 'customer id is missing'), z.maxLength(64)),
    name: z.string().check(z.minLength(1, 'customer name is missing'), z.maxLength(200)),
    email: z.nullable(z.email('customer email is not an email address').check(z.maxLength(254))),
  }),
);

export const cardLinkRequest = once(() => z.strictObject({ customer: siteCustomer() }));

// ---- Charges -------------------------------------------------------------------------------------

const minorAmount = once(() =>
  z
    .int('amount must be a whole number of cents')
    .check(z.positive('amount must be more than zero'), z.maximum(MAX_AMOUNT_MINOR, 'amount is too large')),
);
const minorTotal = once(() => z.int().check(z.nonnegative(), z.maximum(MAX_AMOUNT_MINOR)));
/** The id of one Confirm or one Refund click: the worker's idempotency key is made from it. */
const attemptId = once(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'attemptId must be 16–64 characters')));
/** An invoice number as the site shows it. */
export const invoiceNumber = once(() =>
  z.string().check(z.regex(INVOICE_NUMBER_PATTERN, 'invoice number is not valid')),
);

/** The invoice as the page shows it when the consultant confirms. */
export const siteInvoice = once(() =>
  z.strictObject({
    number: invoiceNumber(),
    kind: z.enum(['normal_sale', 'return_exchange']),
    totalMinor: minorTotal(),
    balanceDueMinor: minorTotal(),
    currency: z.string().check(z.regex(/^[a-z]{3}$/, 'currency must be a lowercase ISO code')),
    customer: siteCustomer(),
  }),
);

export const chargeRequest = once(() =>
  z.strictObject({
    /** Made by the extension once per Confirm; a retry of the same Confirm sends the same id. */
    attemptId: attemptId(),
    invoice: siteInvoice(),
    amountMinor: minorAmount(),
  }),
);

// ---- Refunds ---------------------------------------------------------------------------------------

export const refundRequest = once(() =>
  z.strictObject({
    /** One per click on Refund; a retry of the same click sends the same id. */
    attemptId: attemptId(),
    invoiceNumber: invoiceNumber(),
    /** The invoice kind as the list shows it; only Normal Sale invoices can be refunded to Stripe. */
    kind: z.enum(['normal_sale', 'return_exchange']),
    amountMinor: minorAmount(),
    /** Optional, passed to Stripe's refund `reason`. */
    reason: z.optional(z.enum(REFUND_REASONS)),
  }),
);

// ---- Payment links -------------------------------------------------------------------------------

const invoiceLine = once(() =>
  z.strictObject({
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
  }),
);
/** What the customer's pay page shows of the invoice besides its number: its date and lines. */
export const invoiceDetails = once(() =>
  z.strictObject({
    date: z.iso.date('invoice date must be a date (YYYY-MM-DD)'),
    lines: z.array(invoiceLine()).check(z.maxLength(MAX_PAY_LINK_LINES, 'too many invoice lines')),
  }),
);

export const payLinkRequest = once(() =>
  z.strictObject({
    invoice: siteInvoice(),
    /** Optional so an older extension still gets a link; its pay page then shows the number only. */
    details: z.optional(invoiceDetails()),
  }),
);
