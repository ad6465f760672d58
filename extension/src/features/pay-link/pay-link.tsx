import { existingInvoicePageUrls, isInvoicePage, isNewInvoicePage } from '../../site/pages';
import { INVOICE_SHAPE, otherPaymentRow } from '../../site/shape';
import { deferredStart } from '../deferred';
import { defineFeature } from '../registry';

/**
 * On a saved invoice: the invoice's Stripe payment link, for the balance the page shows now, to copy
 * to the customer. The customer types the card on the worker's page; no stored card is used. The
 * panel comes with the page's deferred part (pay-link.deferred.tsx).
 */
export default defineFeature({
  id: 'pay-link',
  appliesTo: (url) => isInvoicePage(url) && !isNewInvoicePage(url),
  testUrls: existingInvoicePageUrls,
  needs: [...INVOICE_SHAPE, otherPaymentRow],
  init: deferredStart('invoice', 'pay-link'),
});
