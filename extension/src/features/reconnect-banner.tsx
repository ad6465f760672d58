import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { RECONNECT_CSS, ReconnectNotice } from '../components/reconnect-notice';
import { findPaymentFields } from '../site/invoice';
import { findInvoiceListTable } from '../site/lists';
import { invoicePageUrls, isInvoiceListPage, isInvoicePage, paidListPageUrls, unpaidListPageUrls } from '../site/pages';
import { askBackground } from '../utils/ask-background';
import { watchElement } from '../utils/watch-element';
import { defineFeature } from './registry';

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
  async init(signal, { ctx, document, url }) {
    const status = await askBackground({ type: 'account:status', refresh: true });
    if (signal.aborted || !status.ok || status.state !== 'disconnected') return;

    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let mounting = 0;
    const unmount = () => {
      mounting += 1;
      ui?.remove();
      ui = undefined;
    };
    signal.addEventListener('abort', unmount, { once: true });
    const find = isInvoicePage(url) ? findPaymentFields : findInvoiceListTable;
    watchElement(document, find, signal, {
      onAppear: (anchor) => {
        unmount();
        const attempt = mounting;
        void createShadowRootUi(ctx, {
          name: 'stripe-reconnect-banner',
          position: 'inline',
          anchor,
          append: 'before',
          css: RECONNECT_CSS,
          onMount: (container) => {
            render(<ReconnectNotice onOpenSettings={openSettings} />, container);
            return container;
          },
          onRemove: (container) => {
            if (container) render(null, container);
          },
        }).then((created) => {
          if (attempt !== mounting || signal.aborted) return;
          ui = created;
          created.mount();
        });
      },
      onDisappear: unmount,
    });
  },
});
