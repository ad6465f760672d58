import { toSiteInvoice } from '../../site/site-invoice';
import { PayLinkPanel, PAY_LINK_CSS } from './pay-link-panel';
import { mountBeside } from '../../components/shadow-mount';
import { findOtherPaymentFields, readInvoice } from '../../site/invoice';
import { readInvoiceDetails } from '../../site/invoice-details';
import { existingInvoicePageUrls, isInvoicePage, isNewInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { messageError } from '../../background/messages';
import { i18n } from '../../i18n';
import { INVOICE_SHAPE, otherPaymentRow } from '../../site/shape';
import { defineFeature } from '../registry';

/**
 * On a saved invoice: the invoice's Stripe payment link, for the balance the page shows now, to copy
 * to the customer. The customer types the card on the worker's page; no stored card is used.
 */
export default defineFeature({
  id: 'pay-link',
  appliesTo: (url) => isInvoicePage(url) && !isNewInvoicePage(url),
  testUrls: existingInvoicePageUrls,
  needs: [...INVOICE_SHAPE, otherPaymentRow],
  init(signal, { ctx, document }) {
    const getLink = async () => {
      const invoice = readInvoice(document);
      if (!invoice) return messageError('invalid-message', i18n.t('payLink.chooseCustomer'));
      const details = readInvoiceDetails(document);
      return askBackground({
        type: 'pay-links:create',
        invoice: toSiteInvoice(invoice),
        ...(details ? { details } : {}),
      });
    };
    mountBeside(ctx, document, signal, {
      name: 'stripe-pay-link',
      find: (root) => findOtherPaymentFields(root)?.container ?? null,
      append: 'before',
      css: PAY_LINK_CSS,
      view: () => <PayLinkPanel getLink={getLink} />,
    });
  },
});
