import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PAYMENT_STATUSES, REFUND_REASONS, REFUND_STATUSES } from '../../../shared/statuses';
import type { InvoiceDetails } from '../../../shared/api';

// The whole schema, designed up front so later flows only fill it. Money columns are integers in
// the currency's minor unit; times are unix milliseconds. Secrets we hand out (consultant tokens,
// one-time codes, link tokens) are stored only as SHA-256 hashes.

/** PaymentIntent parameters of a stored-card attempt (see worker/src/stripe/create-charge.ts). */
export interface StoredChargeParams {
  stripeCustomerId: string;
  paymentMethodId: string;
  receiptEmail: string | null;
  invoiceNumber: string;
  siteCustomerId: string;
}

/** What a pay link keeps for the customer's page: the invoice's date and lines, and where Stripe sends the receipt. */
export interface PayLinkDetails {
  date: InvoiceDetails['date'] | null;
  lines: InvoiceDetails['lines'];
  receiptEmail: string | null;
}

const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`);

/** A Stripe account connected by OAuth. We keep its id, never an access token. */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(), // stripe_user_id, acct_…
  businessName: text('business_name'),
  livemode: integer('livemode', { mode: 'boolean' }).notNull(),
  defaultCurrency: text('default_currency').notNull().default('usd'),
  status: text('status', { enum: ['connected', 'disconnected'] }).notNull(),
  stripeIsDefaultGateway: integer('stripe_is_default_gateway', { mode: 'boolean' }).notNull().default(false),
  connectedAt: integer('connected_at').notNull(),
  disconnectedAt: integer('disconnected_at'),
  createdAt: createdAt(),
});

/** One per browser that completed Connect; the extension's background holds the raw value. */
export const consultantTokens = sqliteTable(
  'consultant_tokens',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    // Written at most once an hour per token (see auth.ts); a token unused for 180 days is revoked.
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
    /** What the consultant sees in the list of signed-in browsers ("Chrome on Windows"). */
    label: text('label'),
  },
  (t) => [uniqueIndex('consultant_tokens_hash').on(t.tokenHash), index('consultant_tokens_account').on(t.accountId)],
);

/**
 * A Connect attempt: the OAuth `state` (single use, short-lived) bound to the extension's PKCE-style
 * challenge, and, after the callback, the one-time code the extension redeems with its verifier.
 */
export const oauthStates = sqliteTable(
  'oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    challenge: text('challenge').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    accountId: text('account_id').references(() => accounts.id),
    redeemCodeHash: text('redeem_code_hash'),
    redeemExpiresAt: integer('redeem_expires_at'),
    redeemedAt: integer('redeemed_at'),
    failure: text('failure'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('oauth_states_redeem_code').on(t.redeemCodeHash)],
);

/** A site customer as a Stripe Customer on one connected account, with the card on file. */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    siteCustomerId: text('site_customer_id').notNull(),
    stripeCustomerId: text('stripe_customer_id').notNull(),
    name: text('name'),
    email: text('email'),
    paymentMethodId: text('payment_method_id'),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    cardExpMonth: integer('card_exp_month'),
    cardExpYear: integer('card_exp_year'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [
    uniqueIndex('customers_site').on(t.accountId, t.siteCustomerId),
    uniqueIndex('customers_stripe').on(t.accountId, t.stripeCustomerId),
  ],
);

/** An invoice as the site showed it when we last acted on it. */
export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    number: text('number').notNull(),
    kind: text('kind', { enum: ['normal_sale', 'return_exchange'] }).notNull(),
    siteCustomerId: text('site_customer_id').notNull(),
    totalMinor: integer('total_minor').notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [uniqueIndex('invoices_number').on(t.accountId, t.number)],
);

/** One charge attempt = one Confirm = one PaymentIntent; the idempotency key is written before the call. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: text('customer_id').references(() => customers.id),
    source: text('source', { enum: ['stored_card', 'payment_link'] }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    paymentIntentId: text('payment_intent_id'),
    chargeId: text('charge_id'),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    feeMinor: integer('fee_minor'),
    netMinor: integer('net_minor'),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    tokenId: text('token_id'),
    // The exact PaymentIntent parameters sent with the idempotency key: a retry must send the same
    // ones (Stripe refuses a key reused with others), even if the card on file changed meanwhile.
    requestParams: text('request_params', { mode: 'json' }).$type<StoredChargeParams>(),
    recordedOnSiteAt: integer('recorded_on_site_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
  },
  (t) => [
    uniqueIndex('payments_idempotency').on(t.accountId, t.idempotencyKey),
    uniqueIndex('payments_intent').on(t.paymentIntentId),
    index('payments_invoice').on(t.invoiceId),
    // One charge in flight per invoice, whoever sends it: D1 refuses a second one (see charges/).
    uniqueIndex('payments_one_open_per_invoice')
      .on(t.invoiceId)
      .where(sql`status IN ('pending', 'unknown', 'requires_action')`),
  ],
);

export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    // The account that owns the payment: every refund query and webhook effect is scoped by it.
    accountId: text('account_id').notNull().default(''),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    amountMinor: integer('amount_minor').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    // One refund click (its attempt id) may refund several payments of an invoice; null for refunds
    // made outside the extension (the Stripe Dashboard) and learnt from webhooks.
    attemptKey: text('attempt_key'),
    stripeRefundId: text('stripe_refund_id'),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    failureReason: text('failure_reason'),
    tokenId: text('token_id'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at'),
    // Stripe's `reason`, kept so a retry with the same key sends the same parameters.
    reason: text('reason', { enum: REFUND_REASONS }),
  },
  (t) => [
    uniqueIndex('refunds_idempotency').on(t.idempotencyKey),
    uniqueIndex('refunds_stripe').on(t.stripeRefundId),
    index('refunds_payment').on(t.paymentId),
    index('refunds_attempt').on(t.accountId, t.attemptKey),
    // The scheduled settlement reads only refunds whose create was never answered.
    index('refunds_unknown')
      .on(t.createdAt)
      .where(sql`status = 'unknown'`),
  ],
);

/**
 * Unguessable links on worker pages: `pay` (a customer pays an invoice), `authenticate` (a customer
 * completes 3-D Secure for an existing PaymentIntent), `card` (the consultant saves a card).
 */
export const links = sqliteTable(
  'links',
  {
    tokenHash: text('token_hash').primaryKey(),
    // Pay and authenticate links are meant to be sent to the customer again, so their token is
    // kept to rebuild the URL; card links (the consultant's, single use) are kept only as a hash.
    shareToken: text('share_token'),
    purpose: text('purpose', { enum: ['pay', 'authenticate', 'card'] }).notNull(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    invoiceId: text('invoice_id').references(() => invoices.id),
    customerId: text('customer_id').references(() => customers.id),
    paymentId: text('payment_id').references(() => payments.id),
    stripeObjectId: text('stripe_object_id'), // the PaymentIntent or SetupIntent the page confirms
    // Pay links: the balance due the site showed when the link was made or last refreshed.
    amountMinor: integer('amount_minor'),
    // Pay links: the invoice's date and lines as the site showed them, for the customer's page.
    details: text('details', { mode: 'json' }).$type<PayLinkDetails>(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('links_invoice').on(t.invoiceId),
    index('links_payment').on(t.paymentId),
    index('links_stripe_object').on(t.stripeObjectId),
  ],
);

/** Stripe event ids already handled: a redelivered event is acknowledged and ignored. */
export const webhookEvents = sqliteTable('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  accountId: text('account_id'),
  receivedAt: integer('received_at').notNull(),
});

/** Who did what, with which token; never card data, never secrets. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    accountId: text('account_id'),
    tokenId: text('token_id'),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('audit_account').on(t.accountId, t.at)],
);

/** Fixed-window counters for rate limits on unauthenticated routes (connect, redeem). */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
});
