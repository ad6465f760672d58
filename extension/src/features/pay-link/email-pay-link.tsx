import { toSiteInvoice } from '../../site/site-invoice';
import { findEmailForm, findEmailInvoiceLink, findEmailPaymentLink, replaceEmailPaymentLinks } from '../../site/email';
import { readInvoice } from '../../site/invoice';
import { readInvoiceDetails } from '../../site/invoice-details';
import { emailInvoicePageUrls, isEmailInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { fetchSitePage, pageIo } from '../../utils/site-fetch';
import { backToInvoiceLink, emailMessage, emailPaymentLink } from '../../site/shape';
import { mountShadow } from '../../components/shadow-mount';
import { i18n } from '../../i18n';
import { defineFeature } from '../registry';

const NOTICE_CSS = `:host{display:block !important;margin:8px 0 !important;font-size:13px !important;line-height:1.4 !important}
p{margin:0;color:#b3261e}`;

type Decision = { url: string } | { problem: string } | null;

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
  init(signal, { ctx, document, url }) {
    const gatewayHref = findEmailPaymentLink(document)?.getAttribute('href');
    const form = findEmailForm(document);
    if (!gatewayHref || !form) return;
    let stripeUrl: string | null = null;
    let decided = false;
    const decision = stripeLinkFor(document, url, signal).then(
      (found) => {
        decided = true;
        if (signal.aborted || !found) return found;
        if ('url' in found) {
          stripeUrl = found.url;
          replaceEmailPaymentLinks(document, gatewayHref, found.url, url.href);
        } else {
          // Stripe is the default but no link could be made: say so before the consultant sends.
          const notice = mountShadow(
            ctx,
            form,
            'stripe-email-notice',
            'before',
            NOTICE_CSS,
            <p role="alert" data-testid="stripe-email-problem">
              {i18n.t('payLink.emailProblem', [found.problem])}
            </p>,
          );
          signal.addEventListener('abort', notice.remove);
        }
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

/**
 * The invoice's Stripe payment link when Stripe is the default gateway and something is due; why it
 * could not be made; or null when the email keeps the site's own link.
 */
async function stripeLinkFor(document: Document, url: URL, signal: AbortSignal): Promise<Decision> {
  const status = await askBackground({ type: 'account:status' });
  const back = findEmailInvoiceLink(document);
  const win = document.defaultView;
  if (signal.aborted || !status.ok || status.state !== 'connected' || !status.account?.stripeIsDefaultGateway)
    return null;
  if (!back || !win) return null;
  const page = await fetchSitePage(pageIo(win), new URL(back, url).href);
  const invoice = page && readInvoice(page);
  if (signal.aborted) return null;
  if (!page || !invoice) return { problem: i18n.t('payLink.pageUnreadable') };
  if (invoice.balanceDueCents <= 0) return null;
  const details = readInvoiceDetails(page);
  const link = await askBackground({
    type: 'pay-links:create',
    invoice: toSiteInvoice(invoice),
    ...(details ? { details } : {}),
  });
  if (link.ok) return { url: link.url };
  const reason = ('error' in link ? link.error.message : link.message).trim();
  return { problem: /[.!?]$/.test(reason) ? reason : `${reason}.` };
}
