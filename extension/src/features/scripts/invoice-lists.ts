import reconnectBanner from '../reconnect-banner';
import refundArrows from '../refund-arrows';
import type { Feature } from '../registry';

/** What the Paid and Unpaid Invoices lists' content script runs. */
export const invoiceListsFeatures: readonly Feature[] = [reconnectBanner, refundArrows];
