import { RECONNECT_CSS, ReconnectNotice } from './reconnect-notice';
import { mountBeside } from '../../components/shadow-mount';
import { findPaymentFields } from '../../site/invoice';
import { findInvoiceListTable } from '../../site/lists';
import {
  invoicePageUrls,
  isInvoiceListPage,
  isInvoicePage,
  paidListPageUrls,
  unpaidListPageUrls,
} from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { invoiceListColumns, paymentFields } from '../../site/shape';
import { defineFeature } from '../registry';

const openSettings = () => void askBackground({ type: 'stripe-settings:open' });

/**
 * Once Stripe access is revoked (Disconnect, or Stripe deauthorized the platform), says so above the
 * invoice's payment fields and above the invoice lists, so nobody expects a Stripe charge or refund.
 * `refresh` makes the background ask the worker, which is how a deauthorization is first noticed.
 */
export default defineFeature({
  id: 'reconnect-banner',
  appliesTo: (url) => isInvoicePage(url) || isInvoiceListPage(url),
  testUrls: [...invoicePageUrls, ...paidListPageUrls, ...unpaidListPageUrls],
  needs: (url) => [isInvoicePage(url) ? paymentFields : invoiceListColumns],
  async init(signal, { ctx, document, url }) {
    const status = await askBackground({ type: 'account:status', refresh: true });
    if (signal.aborted || !status.ok || status.state !== 'disconnected') return;

    const find = isInvoicePage(url) ? findPaymentFields : findInvoiceListTable;
    mountBeside(ctx, document, signal, {
      name: 'stripe-reconnect-banner',
      find,
      append: 'before',
      css: RECONNECT_CSS,
      view: () => <ReconnectNotice onOpenSettings={openSettings} />,
    });
  },
});
