import chargeConfirm from '../charge/charge-confirm';
import chargeField from '../charge/charge-field';
import chargeHistory from '../charge/charge-history';
import { shareWithDeferred } from '../deferred';
import payLink from '../pay-link/pay-link';
import reconnectBanner from '../connect/reconnect-banner';
import type { Feature } from '../registry';
import workerHealth from '../site-health/worker-health';
import * as invoiceShared from './invoice-shared';

/** What the invoice page's content script runs (a new or a saved invoice). */
export const invoiceFeatures: readonly Feature[] = [
  workerHealth,
  chargeField,
  chargeConfirm,
  chargeHistory,
  reconnectBanner,
  payLink,
];

// The invoice page's deferred part (scripts/invoice-deferred.ts) uses these instead of its own copies.
shareWithDeferred(invoiceShared);
