import { HealthPanel } from '../../components/health-panel';
import { PANEL_CSS } from '../../components/panel-styles';
import { mountBeside } from '../../components/shadow-mount';
import { findPaymentFields } from '../../site/invoice';
import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { paymentFields } from '../../site/shape';
import { defineFeature } from '../registry';

const checkHealth = () => askBackground({ type: 'health' });

/** Shows, beside the invoice's payment fields, whether the extension can reach its worker. */
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
      view: () => <HealthPanel checkHealth={checkHealth} />,
    });
  },
});
