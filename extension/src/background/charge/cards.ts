import { browser } from 'wxt/browser';
import { cardLinkResponseSchema, type SiteCustomer } from '../../../../shared/api';
import { callApi } from '../worker-client';
import type { StripeFailure } from '../protocol';
import { invoiceStripeState, type InvoiceStripeReply } from './charges';

// Add card / Edit: the worker's one-time card page (Stripe.js lives only there, never in the
// extension) in a small window; once it closes, the card on file is read again for the invoice.

const CARD_WINDOW = { type: 'popup', width: 520, height: 720 } as const;

function windowClosed(windowId: number, giveUpAt: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      browser.windows.onRemoved.removeListener(onRemoved);
      clearTimeout(timer);
      resolve();
    };
    const onRemoved = (removedId: number) => {
      if (removedId === windowId) done();
    };
    browser.windows.onRemoved.addListener(onRemoved);
    // The link expires; a window left open past that can only show an expired page.
    const timer = setTimeout(done, Math.max(0, giveUpAt - Date.now()));
  });
}

export async function editCard(
  invoiceNumber: string,
  customer: SiteCustomer,
  fetchImpl: typeof fetch,
): Promise<InvoiceStripeReply | StripeFailure> {
  const link = await callApi(
    (api, options) => api['card-links'].$post({ json: { customer } }, options),
    cardLinkResponseSchema,
    fetchImpl,
  );
  if (!link.ok) return { ok: false, code: link.code, message: link.message };
  const created = await browser.windows.create({ url: link.data.url, ...CARD_WINDOW });
  if (created?.id !== undefined) await windowClosed(created.id, link.data.expiresAt);
  return invoiceStripeState(invoiceNumber, customer.id, fetchImpl);
}
