import { render } from 'preact';
import { mountShadow, type ShadowUi } from '../../components/shadow-mount';
import { ENTRY_CSS, StripeEntryCard } from './entry-card';
import { findGatewaySettingsSlot, readGateways } from '../../site/account';
import { accountPageUrls, isAccountPage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { watchElement } from '../../utils/watch-element';
import { paymentGateways } from '../../site/shape';
import { defineFeature } from '../registry';

const openSettings = () => void askBackground({ type: 'stripe-settings:open' });

/**
 * A Stripe card beside ProPay on the Account tab that opens Stripe Settings. It also tells the
 * background whether another gateway is connected: only then may Stripe be offered as the default.
 */
export default defineFeature({
  id: 'stripe-settings-entry',
  appliesTo: isAccountPage,
  testUrls: accountPageUrls,
  needs: [paymentGateways],
  async init(signal, { ctx, document }) {
    let ui: ShadowUi | undefined;
    const unmount = () => {
      ui?.remove();
      ui = undefined;
    };
    signal.addEventListener('abort', unmount, { once: true });
    const status = askBackground({ type: 'account:status', refresh: true });

    watchElement(document, findGatewaySettingsSlot, signal, {
      onAppear: (slot) => {
        unmount();
        const otherGatewayConnected = readGateways(document).some(
          (gateway) => gateway.connected && !/stripe/i.test(gateway.name),
        );
        void askBackground({ type: 'gateways:report', otherGatewayConnected });
        const shown = mountShadow(
          ctx,
          slot,
          'stripe-settings-entry',
          'last',
          ENTRY_CSS,
          <StripeEntryCard status={null} onOpenSettings={openSettings} />,
        );
        ui = shown;
        void status.then((reply) => {
          if (ui === shown) render(<StripeEntryCard status={reply} onOpenSettings={openSettings} />, shown.container);
        });
      },
      onDisappear: unmount,
    });
  },
});
