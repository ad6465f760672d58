import { toSiteInvoice } from '../../site/site-invoice';
import { PayLinkPanel, PAY_LINK_CSS } from './pay-link-panel';
import { mountBeside } from '../../components/shadow-mount';
import { findOtherPaymentFields, readInvoice } from '../../site/invoice';
import { readInvoiceDetails } from '../../site/invoice-details';
import { askBackground } from '../../utils/ask-background';
import { messageError } from '../../background/messages';
import { i18n } from '../../i18n';
import type { DeferredStart } from '../deferred';

/** The saved invoice's payment link panel (pay-link.tsx). */
export const startPayLink: DeferredStart = (signal, { ctx, document }) => {
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
};
