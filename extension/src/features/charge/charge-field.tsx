import { ChargeField } from './field-view';
import { mountBeside } from './charge-mount';
import { chargeStore, failureText, loadStripeState } from './charge-store';
import { findPaymentFields, readInvoice } from '../../site/invoice';
import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { INVOICE_SHAPE } from '../../site/shape';
import { defineFeature } from '../registry';

/** The Stripe payment field beside the site's own, with the customer's card on file (Add card / Edit). */
export default defineFeature({
  id: 'charge-field',
  appliesTo: isInvoicePage,
  testUrls: invoicePageUrls,
  needs: INVOICE_SHAPE,
  init(signal, { ctx, document }) {
    const store = chargeStore(document);
    const reload = () => loadStripeState(store, readInvoice(document));
    const editCard = async () => {
      const invoice = store.get().invoice;
      if (!invoice) return;
      store.set({ flight: { kind: 'editing-card' }, cardProblem: null });
      const reply = await askBackground({
        type: 'cards:edit',
        invoiceNumber: invoice.number,
        customer: invoice.customer,
      });
      store.set({ flight: { kind: 'idle' } });
      // Even when the answer was lost (the background restarted), the card may have changed.
      if (reply.ok) store.set({ stripe: reply });
      else await reload().then(() => store.set({ cardProblem: failureText(reply) }));
    };
    // The customer (and so the card on file) changes when the consultant picks another one.
    let shown: ReturnType<typeof readInvoice> = null;
    document.addEventListener(
      'change',
      () => {
        const now = readInvoice(document);
        if (now?.number === shown?.number && now?.customer.id === shown?.customer.id) return;
        shown = now;
        void reload();
      },
      { signal },
    );
    // Drawn as soon as the payment fields are parsed, from what the page holds; the invoice is read
    // once the page is whole, and the connection and card on file fill in when the background answers.
    mountBeside(ctx, document, signal, {
      name: 'stripe-charge-field',
      find: findPaymentFields,
      append: 'after',
      view: () => <ChargeField store={store} onEditCard={() => void editCard()} />,
    });
    const start = () => {
      shown = readInvoice(document);
      void reload();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal });
    else start();
  },
});
