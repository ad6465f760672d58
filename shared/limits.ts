// Limits both sides of the wire agree on, in a file of their own so that a content script can use
// one without bundling the schemas (and zod) of api.ts.

/** At most this many invoice lines travel with a payment link; the pay page lists them. */
export const MAX_PAY_LINK_LINES = 50;

/** At most this many invoices in one status request (a Paid list of thousands takes a few). */
export const MAX_STATUS_INVOICES = 5000;
