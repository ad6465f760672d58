import { HealthPanel } from '../../components/health-panel';
import { PANEL_CSS } from '../../components/panel-styles';
import { mountBeside } from '../../components/shadow-mount';
import { findPaymentFields } from '../../site/invoice';
import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { paymentFields } from '../../site/shape';
import { defineFeature } from '../registry';

const checkHealth = () => askBackground({ type: 'health' });

/**
 * Says, beside the invoice's payment fields, when the extension cannot reach its worker (so nobody
 * wonders why Stripe does nothing); while all is well it shows nothing.
 */
export default defineFeature({
  id: 'worker-health',
  appliesTo: isInvoicePage,
  testUrls: invoicePageUrls,
  needs: [paymentFields],
  init(signal, { ctx, document }) {
    mountBeside(ctx, document, signal, {
      name: 'stripe-bridge-health',
      find: findPaymentFields,
      append: 'after',
      css: PANEL_CSS,
      view: () => <HealthPanel checkHealth={checkHealth} onlyWhenWrong />,
    });
  },
});
