import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ENTRY_CSS, StripeEntryCard } from '../components/stripe-entry-card';
import { findGatewaySettingsSlot, readGateways } from '../site/account';
import { accountPageUrls, isAccountPage } from '../site/pages';
import { askBackground } from '../utils/ask-background';
import { watchElement } from '../utils/watch-element';
import { defineFeature } from './registry';

const openSettings = () => void askBackground({ type: 'stripe-settings:open' });

/**
 * A Stripe card beside ProPay on the Account tab that opens Stripe Settings. It also tells the
 * background whether another gateway is connected: only then may Stripe be offered as the default.
 */
export default defineFeature({
  id: 'stripe-settings-entry',
  appliesTo: isAccountPage,
  testUrls: accountPageUrls,
  async init(signal, { ctx, document }) {
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let mounting = 0;
    const unmount = () => {
      mounting += 1;
      ui?.remove();
      ui = undefined;
    };
    signal.addEventListener('abort', unmount, { once: true });
    const status = askBackground({ type: 'account:status', refresh: true });

    watchElement(document, findGatewaySettingsSlot, signal, {
      onAppear: (slot) => {
        unmount();
        const attempt = mounting;
        const otherGatewayConnected = readGateways(document).some((gateway) => gateway.connected && !/stripe/i.test(gateway.name));
        void askBackground({ type: 'gateways:report', otherGatewayConnected });
        void createShadowRootUi(ctx, {
          name: 'stripe-settings-entry',
          position: 'inline',
          anchor: slot,
          append: 'last',
          css: ENTRY_CSS,
          onMount: (container) => {
            render(<StripeEntryCard status={null} onOpenSettings={openSettings} />, container);
            void status.then((reply) => render(<StripeEntryCard status={reply} onOpenSettings={openSettings} />, container));
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
