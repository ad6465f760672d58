import { existingInvoicePageUrls, isInvoicePage, isNewInvoicePage } from '../../site/pages';
import { confirmButton, continueButton, otherPaymentRow, reviewStep } from '../../site/shape';
import { deferredStart } from '../deferred';
import { defineFeature } from '../registry';

/**
 * The invoice's Stripe history, and recording on the site what Stripe took while the invoice was
 * closed. Both wait for the worker's answer, so the code comes with the page's deferred part
 * (charge-history.deferred.tsx).
 */
export default defineFeature({
  id: 'charge-history',
  // A new invoice has no Stripe history yet: no empty "No Stripe payments" box on it.
  appliesTo: (url) => isInvoicePage(url) && !isNewInvoicePage(url),
  testUrls: existingInvoicePageUrls,
  needs: [otherPaymentRow, continueButton, reviewStep, confirmButton],
  init: deferredStart('invoice', 'charge-history'),
});
