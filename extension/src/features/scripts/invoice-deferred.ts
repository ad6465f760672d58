import { startChargeHistory } from '../charge/charge-history.deferred';
import { startConfirmStep } from '../charge/charge-confirm.deferred';
import type { DeferredStarts } from '../deferred';
import { startPayLink } from '../pay-link/pay-link.deferred';
import { startWorkerHealth } from '../site-health/worker-health.deferred';

/** The invoice page's deferred part (entrypoints/invoice-deferred.ts): the starts of features in scripts/invoice.ts. */
export const invoiceDeferred: DeferredStarts = {
  'charge-confirm': startConfirmStep,
  'charge-history': startChargeHistory,
  'pay-link': startPayLink,
  'worker-health': startWorkerHealth,
};
