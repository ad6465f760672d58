import { z } from 'zod/mini';
import { siteCustomerSchema, siteInvoiceSchema } from '../../../shared/api';
import type { ChargeMessages } from './charges-messages';
import type { SenderKind } from './messages';

// Checks of the invoice page's Stripe messages, merged into message-schemas.ts.

const invoiceNumber = z.string().check(z.regex(/^[A-Za-z0-9-]{1,32}$/));

export const chargeSchemas = {
  'charges:list': z.strictObject({ type: z.literal('charges:list'), invoiceNumber, customerId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  'charges:create': z.strictObject({ type: z.literal('charges:create'), invoice: siteInvoiceSchema, amountMinor: z.int().check(z.positive(), z.lte(99_999_999)) }),
  'charges:recorded': z.strictObject({ type: z.literal('charges:recorded'), paymentId: z.string().check(z.regex(/^pay_[A-Za-z0-9_-]{4,40}$/)) }),
  'cards:edit': z.strictObject({ type: z.literal('cards:edit'), invoiceNumber, customer: siteCustomerSchema }),
} satisfies { [T in keyof ChargeMessages]: z.ZodMiniType<ChargeMessages[T]> };

/** Charging and cards start from the invoice page only: Stripe Settings has no invoice to charge. */
export const chargeSenders: Record<keyof ChargeMessages, readonly SenderKind[]> = {
  'charges:list': ['site-page'],
  'charges:create': ['site-page'],
  'charges:recorded': ['site-page'],
  'cards:edit': ['site-page'],
};
