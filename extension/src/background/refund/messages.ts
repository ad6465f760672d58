import { z } from 'zod/mini';
import { MAX_STATUS_INVOICES } from '../../../../shared/api';
import { REFUND_REASONS } from '../../../../shared/statuses';
import { on } from '../protocol';
import { invoiceStatuses, refundInvoice } from './refunds';

// The invoice lists' Stripe messages; they start from the site's lists only.

const invoiceNumber = z.string().check(z.regex(/^[A-Za-z0-9-]{1,32}$/));
const fromSitePage = ['site-page'] as const;

export const refundMessages = {
  /** Arrows for every row of a list, in one request. */
  'refunds:status': on(
    z.strictObject({
      type: z.literal('refunds:status'),
      numbers: z.array(invoiceNumber).check(z.maxLength(MAX_STATUS_INVOICES)),
    }),
    fromSitePage,
    (message, deps) => invoiceStatuses(message.numbers, deps.fetch),
  ),
  /** Refund: the background picks the attempt id and keeps it until the worker settles it. */
  'refunds:create': on(
    z.strictObject({
      type: z.literal('refunds:create'),
      invoiceNumber,
      kind: z.enum(['normal_sale', 'return_exchange']),
      amountMinor: z.int().check(z.positive(), z.lte(99_999_999)),
      reason: z.optional(z.enum(REFUND_REASONS)),
    }),
    fromSitePage,
    ({ invoiceNumber, kind, amountMinor, reason }, deps) =>
      refundInvoice({ invoiceNumber, kind, amountMinor, ...(reason ? { reason } : {}) }, deps.fetch),
  ),
};
