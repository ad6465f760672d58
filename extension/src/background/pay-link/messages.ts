import { payLinkResponseSchema, type SiteInvoice } from '../../../../shared/api';
import { callApi } from '../worker-client';
import type { PayLinkReplies } from '../pay-links-messages';

/** Asks the worker for the invoice's payment link; the customer types the card on the worker's page. */
export async function payLinkFor(invoice: SiteInvoice, fetchImpl: typeof fetch): Promise<PayLinkReplies['pay-links:create']> {
  const result = await callApi('/pay-links', { method: 'POST', body: { invoice } }, payLinkResponseSchema, fetchImpl);
  return result.ok ? { ok: true, ...result.data } : { ok: false, code: result.code, message: result.message };
}
