import emailPayLink from '../pay-link/email-pay-link';
import type { Feature } from '../registry';

/** What the Email Invoice page's content script runs. */
export const emailInvoiceFeatures: readonly Feature[] = [emailPayLink];
