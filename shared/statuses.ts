// The lifecycle of a charge attempt and of a refund, shared by D1's schema and the wire contract.
// `unknown`: we asked Stripe and never heard back; settled later by the same key or by lookup.

export const PAYMENT_STATUSES = ['pending', 'unknown', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;

export const REFUND_STATUSES = ['pending', 'unknown', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;

/** The site's invoice numbers as the adapter reads them, and as every route accepts them. */
export const INVOICE_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
