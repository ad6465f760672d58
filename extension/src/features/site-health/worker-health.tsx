import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import { paymentFields } from '../../site/shape';
import { deferredStart } from '../deferred';
import { defineFeature } from '../registry';

/**
 * Says, beside the invoice's payment fields, when the extension cannot reach its worker (so nobody
 * wonders why Stripe does nothing); while all is well it shows nothing. It waits for the worker's
 * answer anyway, so it comes with the page's deferred part (worker-health.deferred.tsx).
 */
export default defineFeature({
  id: 'worker-health',
  appliesTo: isInvoicePage,
  testUrls: invoicePageUrls,
  needs: [paymentFields],
  init: deferredStart('invoice', 'worker-health'),
});
