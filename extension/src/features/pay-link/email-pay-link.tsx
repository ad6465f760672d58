import { toSiteInvoice } from '../../site/site-invoice';
import { findEmailInvoiceLink, replaceEmailPaymentLinks } from '../../site/email';
import { readInvoice } from '../../site/invoice';
import { emailInvoicePageUrls, isEmailInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { fetchSitePage, pageIo } from '../../utils/site-fetch';
import { backToInvoiceLink, emailPaymentLink } from '../../site/shape';
import { defineFeature } from '../registry';

/**
 * When Stripe is the default gateway, the emailed invoice links to Stripe: the site's links to its
 * own gateway become the invoice's Stripe payment link. The invoice (customer, balance due) is read
 * from its own page, which this page links back to.
 */
export default defineFeature({
  id: 'email-pay-link',
  appliesTo: isEmailInvoicePage,
  testUrls: emailInvoicePageUrls,
  needs: [emailPaymentLink, backToInvoiceLink],
  async init(signal, { document, url }) {
    const status = await askBackground({ type: 'account:status' });
    const back = findEmailInvoiceLink(document);
    const win = document.defaultView;
    if (
      signal.aborted ||
      !status.ok ||
      status.state !== 'connected' ||
      !status.account?.stripeIsDefaultGateway ||
      !back ||
      !win
    )
      return;
    const page = await fetchSitePage(pageIo(win), new URL(back, url).href);
    const invoice = page && readInvoice(page);
    if (!invoice || invoice.balanceDueCents <= 0 || signal.aborted) return;
    const link = await askBackground({ type: 'pay-links:create', invoice: toSiteInvoice(invoice) });
    if (link.ok && !signal.aborted) replaceEmailPaymentLinks(document, link.url);
  },
});
