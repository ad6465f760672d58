import { ChargeField } from './field-view';
import { mountBeside } from './charge-mount';
import { chargeStore, failureText, followInvoice, loadStripeState } from './charge-store';
import { findPaymentFields, readInvoice } from '../../site/invoice';
import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { INVOICE_SHAPE } from '../../site/shape';
import { defineFeature } from '../registry';

/** The element once the parser is past it, so a row appended to it comes after the site's own rows. */
function whenParsed(find: (root: ParentNode) => Element | null): (root: ParentNode) => Element | null {
  return (root) => {
    const found = find(root);
    return found && (found.ownerDocument.readyState !== 'loading' || found.nextSibling) ? found : null;
  };
}

/**
 * The Stripe payment field, a row of the site's own "Payment Received" box, with the customer's card
 * on file (Add card / Edit). It follows the invoice as the site totals it while the consultant types.
 */
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
    // Drawn as soon as the payment fields are parsed, from what the page holds; the invoice is read
    // once the page is whole, and the connection and card on file fill in when the background answers.
    mountBeside(ctx, document, signal, {
      name: 'stripe-charge-field',
      find: whenParsed(findPaymentFields),
      append: 'last',
      view: () => <ChargeField store={store} onEditCard={() => void editCard()} />,
    });
    const start = () => {
      // The customer (and so the card on file) and the totals change as the consultant works.
      followInvoice(document, store, signal);
      void reload();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal });
    else start();
  },
});
