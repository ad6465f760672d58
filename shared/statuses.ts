// The lifecycle of a charge attempt and of a refund, shared by D1's schema and the wire contract.
// `unknown`: we asked Stripe and never heard back; settled later by the same key or by lookup.

export const PAYMENT_STATUSES = ['pending', 'unknown', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;

export const REFUND_STATUSES = ['pending', 'unknown', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;

/** Stripe's `reason` on a refund (https://docs.stripe.com/api/refunds/create); Stripe accepts no other. */
export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

/** The site's invoice numbers as the adapter reads them, and as every route accepts them. */
export const INVOICE_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
