import { chargeStore, confirmsStripeAmount } from './charge-store';
import { i18n } from '../../i18n';
import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import {
  confirmButton,
  continueButton,
  INVOICE_SHAPE,
  otherPaymentRow,
  reviewPayments,
  reviewStep,
} from '../../site/shape';
import { deferredStart } from '../deferred';
import { defineFeature } from '../registry';

const startConfirmStep = deferredStart('invoice', 'charge-confirm');

/**
 * The site's Confirm, when a Stripe amount is entered: the card is charged once, and the payment
 * recorded on the site (charge-confirm.deferred.tsx, which comes with the page's deferred part).
 * Until that part has started, a Confirm with a Stripe amount is held here and replayed once it has:
 * the site must never save the invoice as if the card had been charged.
 */
export default defineFeature({
  id: 'charge-confirm',
  appliesTo: isInvoicePage,
  testUrls: invoicePageUrls,
  needs: [...INVOICE_SHAPE, continueButton, reviewStep, confirmButton, otherPaymentRow, reviewPayments],
  async init(signal, context) {
    const { document } = context;
    const store = chargeStore(document);
    let started = false;
    // Set by a held Confirm; read once the Confirm step has started.
    let replay = null as (() => void) | null;
    const hold = (event: SubmitEvent) => {
      if (started || !confirmsStripeAmount(document, store.get())) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const form = event.target as HTMLFormElement;
      const submitter = event.submitter ?? undefined;
      replay ??= () => form.requestSubmit(submitter);
    };
    document.addEventListener('submit', hold, { capture: true, signal });
    try {
      await startConfirmStep(signal, context);
    } catch (error) {
      // The guard stays: a Confirm with a Stripe amount is still held, and the field says why.
      console.error('[stripe-bridge] the Confirm step did not load', error);
      store.set({ cardProblem: i18n.t('charge.confirmStepMissing') });
      return;
    }
    started = true;
    if (replay && !signal.aborted) replay();
  },
});
