import { toSiteInvoice } from '../../site/site-invoice';
import { findEmailForm, findEmailInvoiceLink, findEmailPaymentLink, replaceEmailPaymentLinks } from '../../site/email';
import { readInvoice } from '../../site/invoice';
import { readInvoiceDetails } from '../../site/invoice-details';
import { emailInvoicePageUrls, isEmailInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { fetchSitePage, pageIo } from '../../utils/site-fetch';
import { backToInvoiceLink, emailMessage, emailPaymentLink } from '../../site/shape';
import { defineFeature } from '../registry';

/**
 * When Stripe is the default gateway, the emailed invoice links to Stripe: the site's link to its own
 * gateway becomes the invoice's Stripe payment link in what Send Email posts (the message the
 * consultant may have edited, read again at send time), not only on screen. The invoice (customer,
 * balance due, date, lines) is read from its own page, which this page links back to.
 */
export default defineFeature({
  id: 'email-pay-link',
  appliesTo: isEmailInvoicePage,
  testUrls: emailInvoicePageUrls,
  needs: [emailPaymentLink, emailMessage, backToInvoiceLink],
  init(signal, { document, url }) {
    const gatewayHref = findEmailPaymentLink(document)?.getAttribute('href');
    const form = findEmailForm(document);
    if (!gatewayHref || !form) return;
    let stripeUrl: string | null = null;
    let decided = false;
    const decision = stripeLinkFor(document, url, signal).then(
      (found) => {
        decided = true;
        stripeUrl = found;
        if (found && !signal.aborted) replaceEmailPaymentLinks(document, gatewayHref, found, url.href);
        return found;
      },
      () => {
        decided = true;
        return null;
      },
    );
    // Capture phase: the message is rewritten before the site's own handlers and before the browser
    // reads the form. A Send clicked while the link is still being made waits for it, then sends.
    form.addEventListener(
      'submit',
      (event) => {
        if (decided) {
          if (stripeUrl) replaceEmailPaymentLinks(document, gatewayHref, stripeUrl, url.href);
          return;
        }
        event.preventDefault();
        const submitter = event instanceof SubmitEvent ? event.submitter : null;
        void decision.then(() => {
          if (!signal.aborted) form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
        });
      },
      { capture: true, signal },
    );
  },
});

/** The invoice's Stripe payment link when Stripe is the default gateway and something is due; else null. */
async function stripeLinkFor(document: Document, url: URL, signal: AbortSignal): Promise<string | null> {
  const status = await askBackground({ type: 'account:status' });
  const back = findEmailInvoiceLink(document);
  const win = document.defaultView;
  if (signal.aborted || !status.ok || status.state !== 'connected' || !status.account?.stripeIsDefaultGateway)
    return null;
  if (!back || !win) return null;
  const page = await fetchSitePage(pageIo(win), new URL(back, url).href);
  const invoice = page && readInvoice(page);
  if (!page || !invoice || invoice.balanceDueCents <= 0 || signal.aborted) return null;
  const details = readInvoiceDetails(page);
  const link = await askBackground({
    type: 'pay-links:create',
    invoice: toSiteInvoice(invoice),
    ...(details ? { details } : {}),
  });
  return link.ok ? link.url : null;
}
