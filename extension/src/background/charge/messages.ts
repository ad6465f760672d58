import { z } from 'zod/mini';
import { siteCustomerSchema, siteInvoiceSchema } from '../../../../shared/api';
import { on } from '../protocol';
import { editCard } from './cards';
import { chargeInvoice, invoiceStripeState, markRecordedOnSite } from './charges';

// The invoice page's Stripe messages. Charging and cards start from the invoice page only: Stripe
// Settings has no invoice to charge.

const invoiceNumber = z.string().check(z.regex(/^[A-Za-z0-9-]{1,32}$/));
const fromInvoicePage = ['site-page'] as const;

export const chargeMessages = {
  /** The invoice's Stripe history and the customer's card on file. */
  'charges:list': on(
    z.strictObject({
      type: z.literal('charges:list'),
      invoiceNumber,
      customerId: z.string().check(z.minLength(1), z.maxLength(64)),
    }),
    fromInvoicePage,
    (message, deps) => invoiceStripeState(message.invoiceNumber, message.customerId, deps.fetch),
  ),
  /** Confirm: charge the card on file (the background picks and keeps the attempt id). */
  'charges:create': on(
    z.strictObject({
      type: z.literal('charges:create'),
      invoice: siteInvoiceSchema,
      amountMinor: z.int().check(z.positive(), z.lte(99_999_999)),
    }),
    fromInvoicePage,
    (message, deps) => chargeInvoice(message.invoice, message.amountMinor, deps.fetch),
  ),
  /** The payment is now written into the site's own form. */
  'charges:recorded': on(
    z.strictObject({
      type: z.literal('charges:recorded'),
      paymentId: z.string().check(z.regex(/^pay_[A-Za-z0-9_-]{4,40}$/)),
    }),
    fromInvoicePage,
    (message, deps) => markRecordedOnSite(message.paymentId, deps.fetch),
  ),
  /** Add card / Edit: opens the card page; answers once its window is gone, with the new state. */
  'cards:edit': on(
    z.strictObject({ type: z.literal('cards:edit'), invoiceNumber, customer: siteCustomerSchema }),
    fromInvoicePage,
    (message, deps) => editCard(message.invoiceNumber, message.customer, deps.fetch),
  ),
};
