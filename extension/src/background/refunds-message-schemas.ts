import { z } from 'zod/mini';
import { MAX_STATUS_INVOICES, siteInvoiceSchema } from '../../../shared/api';
import type { SenderKind } from './messages';
import type { PayLinkMessages } from './pay-links-messages';
import type { RefundMessages } from './refunds-messages';

// Checks of the lists' refund messages and of payment links, merged into message-schemas.ts.

const invoiceNumber = z.string().check(z.regex(/^[A-Za-z0-9-]{1,32}$/));

export const refundSchemas = {
  'refunds:status': z.strictObject({ type: z.literal('refunds:status'), numbers: z.array(invoiceNumber).check(z.maxLength(MAX_STATUS_INVOICES)) }),
  'refunds:create': z.strictObject({
    type: z.literal('refunds:create'),
    invoiceNumber,
    kind: z.enum(['normal_sale', 'return_exchange']),
    amountMinor: z.int().check(z.positive(), z.lte(99_999_999)),
  }),
  'pay-links:create': z.strictObject({ type: z.literal('pay-links:create'), invoice: siteInvoiceSchema }),
} satisfies { [T in keyof (RefundMessages & PayLinkMessages)]: z.ZodMiniType<(RefundMessages & PayLinkMessages)[T]> };

/** Refunds and payment links start from the site's own pages: the lists, the invoice, its email. */
export const refundSenders: Record<keyof (RefundMessages & PayLinkMessages), readonly SenderKind[]> = {
  'refunds:status': ['site-page'],
  'refunds:create': ['site-page'],
  'pay-links:create': ['site-page'],
};
