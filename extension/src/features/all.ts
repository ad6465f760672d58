import type { SitePageScript } from '../site/pages';
import type { Feature } from './registry';
import { accountFeatures } from './scripts/account';
import { emailInvoiceFeatures } from './scripts/email-invoice';
import { invoiceFeatures } from './scripts/invoice';
import { invoiceListsFeatures } from './scripts/invoice-lists';

// Each kind of site page loads its own content script with only its features (DESIGN.md budgets
// the content script a page pays for). Tests only: no entrypoint imports this file, or every page
// would load every feature again.

/** The features each site content script (entrypoints/<kind>.content) runs. */
export const featuresByScript: Record<SitePageScript, readonly Feature[]> = {
  invoice: invoiceFeatures,
  'invoice-lists': invoiceListsFeatures,
  account: accountFeatures,
  'email-invoice': emailInvoiceFeatures,
};

/** Every feature of any site content script; the convention test checks each file in features/ is here. */
export const allFeatures: readonly Feature[] = [...new Set(Object.values(featuresByScript).flat())];
