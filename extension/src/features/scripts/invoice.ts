import chargeConfirm from '../charge-confirm';
import chargeField from '../charge-field';
import chargeHistory from '../charge-history';
import payLink from '../pay-link';
import reconnectBanner from '../reconnect-banner';
import type { Feature } from '../registry';
import workerHealth from '../worker-health';

/** What the invoice page's content script runs (a new or a saved invoice). */
export const invoiceFeatures: readonly Feature[] = [workerHealth, chargeField, chargeConfirm, chargeHistory, reconnectBanner, payLink];
