import reconnectBanner from '../connect/reconnect-banner';
import refundArrows from '../refund/refund-arrows';
import type { Feature } from '../registry';

/** What the Paid and Unpaid Invoices lists' content script runs. */
export const invoiceListsFeatures: readonly Feature[] = [reconnectBanner, refundArrows];
