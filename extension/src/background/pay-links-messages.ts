import type { PayLinkResponse, SiteInvoice } from '../../../shared/api';
import type { StripeFailure } from './charges-messages';

// The payment link messages (invoice page and Email Invoice page): types only, for the content script.

export interface PayLinkMessages {
  /** The invoice's one live payment link, for the balance the page shows now. */
  'pay-links:create': { type: 'pay-links:create'; invoice: SiteInvoice };
}

export interface PayLinkReplies {
  'pay-links:create': ({ ok: true } & PayLinkResponse) | StripeFailure;
}
