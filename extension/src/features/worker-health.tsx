import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HealthPanel } from '../components/health-panel';
import { PANEL_CSS } from '../components/panel-styles';
import { findPaymentFields } from '../site/invoice';
import { invoicePageUrls, isInvoicePage } from '../site/pages';
import { askBackground } from '../utils/ask-background';
import { watchElement } from '../utils/watch-element';
import { defineFeature } from './registry';

const checkHealth = () => askBackground({ type: 'health' });

/** Shows, beside the invoice's payment fields, whether the extension can reach its worker. */
export default defineFeature({
  id: 'worker-health',
  appliesTo: isInvoicePage,
  testUrls: invoicePageUrls,
  init(signal, { ctx, document }) {
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let mounting = 0;
    const unmount = () => {
      mounting += 1;
      ui?.remove();
      ui = undefined;
    };
    signal.addEventListener('abort', unmount, { once: true });
    watchElement(document, findPaymentFields, signal, {
      onAppear: (paymentFields) => {
        unmount();
        const attempt = mounting;
        void createShadowRootUi(ctx, {
          name: 'stripe-bridge-health',
          position: 'inline',
          anchor: paymentFields,
          append: 'after',
          css: PANEL_CSS,
          onMount: (container) => {
            render(<HealthPanel checkHealth={checkHealth} />, container);
            return container;
          },
          onRemove: (container) => {
            if (container) render(null, container);
          },
        }).then((created) => {
          // The page may have changed (or the feature stopped) while the UI was being built.
          if (attempt !== mounting || signal.aborted) return;
          ui = created;
          created.mount();
        });
      },
      onDisappear: unmount,
    });
  },
});
