import { z } from 'zod/mini';
import {
  invoiceDetailsSchema,
  payLinkResponseSchema,
  siteInvoiceSchema,
  type PayLinkResponse,
} from '../../../../shared/api';
import { on, type StripeFailure } from '../protocol';
import { callApi } from '../worker-client';

// Payment links, asked for from the invoice page and the Email Invoice page.

export type PayLinkReply = ({ ok: true } & PayLinkResponse) | StripeFailure;

export const payLinkMessages = {
  /** The invoice's one live payment link, for the balance the page shows now; the customer types the card on the worker's page. */
  'pay-links:create': on(
    z.strictObject({
      type: z.literal('pay-links:create'),
      invoice: siteInvoiceSchema,
      /** The invoice's date and lines, shown to the customer on the pay page. */
      details: z.optional(invoiceDetailsSchema),
    }),
    ['site-page'],
    async (message, deps): Promise<PayLinkReply> => {
      const result = await callApi(
        (api, options) =>
          api['pay-links'].$post(
            { json: { invoice: message.invoice, ...(message.details ? { details: message.details } : {}) } },
            options,
          ),
        payLinkResponseSchema,
        deps.fetch,
      );
      return result.ok ? { ok: true, ...result.data } : { ok: false, code: result.code, message: result.message };
    },
  ),
};
