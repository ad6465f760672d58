import type { SiteInvoice } from '../../../shared/api';
import type { InvoiceOnPage } from './invoice';

/** The invoice as the worker's contract names it, from what the page shows. */
export function toSiteInvoice(invoice: InvoiceOnPage): SiteInvoice {
  return {
    number: invoice.number,
    kind: invoice.kind,
    totalMinor: invoice.totalCents,
    balanceDueMinor: invoice.balanceDueCents,
    currency: invoice.currency.toLowerCase(),
    customer: invoice.customer,
  };
}
