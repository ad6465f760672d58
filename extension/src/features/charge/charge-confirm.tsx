import type { PaymentSummary } from '../../../../shared/api';
import { mountBeside } from './charge-mount';
import { ChargeReview } from './review-view';
import { amountCheckOf, chargeStore, failureText, type Flight } from './charge-store';
import { stripeNote } from '../../components/stripe-note';
import { findConfirmButton, findOtherPaymentFields, findReviewStep, recordOtherPayment } from '../../site/invoice';
import { toSiteInvoice } from '../../site/site-invoice';
import { invoicePageUrls, isInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { confirmButton, continueButton, INVOICE_SHAPE, otherPaymentRow, reviewStep } from '../../site/shape';
import { defineFeature } from '../registry';

/**
 * The site's Confirm, when a Stripe amount is entered: held while the card is charged (once per
 * Confirm, whatever is clicked meanwhile), then the payment is written into the site's Other
 * Payment row and the site's own Confirm goes on. On any other outcome Confirm stays held.
 */
export default defineFeature({
  id: 'charge-confirm',
  appliesTo: isInvoicePage,
  testUrls: invoicePageUrls,
  needs: [...INVOICE_SHAPE, continueButton, reviewStep, confirmButton, otherPaymentRow],
  init(signal, { ctx, document }) {
    const store = chargeStore(document);
    let letThrough = false;
    const settle = (flight: Flight) => {
      const confirm = findConfirmButton(document);
      if (confirm) confirm.disabled = false;
      store.set({ flight });
    };
    const record = (payment: PaymentSummary) => {
      const confirm = findConfirmButton(document);
      if (payment.recordedOnSite)
        return settle({
          kind: 'failed',
          message: `Stripe already took this payment (${payment.paymentIntentId}) and it is recorded on the invoice; nothing more was charged.`,
          canRetry: false,
        });
      const filled = recordOtherPayment(document, { amountCents: payment.amountMinor, note: stripeNote(payment) });
      if (filled !== 'filled' || !confirm?.form) {
        return settle({
          kind: 'failed',
          message: `The card was charged (${payment.paymentIntentId}) but the payment could not be written into the invoice form. Reload the invoice: it will be recorded then.`,
          canRetry: false,
        });
      }
      settle({ kind: 'recording', message: 'Charged. Recording the payment on the invoice…' });
      store.set({ amountText: '' });
      // The site's own Confirm records it; the reloaded invoice then tells the worker (charge-history).
      letThrough = true;
      confirm.form.requestSubmit(confirm);
      letThrough = false;
    };
    const charge = async () => {
      const { invoice } = store.get();
      const check = amountCheckOf(store.get());
      if (!invoice || check.kind !== 'ok') return;
      const confirm = findConfirmButton(document);
      if (confirm) confirm.disabled = true;
      store.set({ flight: { kind: 'charging' } });
      const reply = await askBackground({
        type: 'charges:create',
        invoice: toSiteInvoice(invoice),
        amountMinor: check.minor,
      });
      if (signal.aborted) return;
      if (!reply.ok)
        return settle({ kind: 'failed', message: failureText(reply), canRetry: reply.error.code === 'internal' });
      if (reply.outcome === 'succeeded') return record(reply.record);
      if (reply.outcome === 'requires_action')
        return settle({ kind: 'waiting', authenticationUrl: reply.record.authenticationUrl });
      settle({ kind: 'failed', message: reply.message, canRetry: reply.outcome === 'unknown' });
    };
    const onSubmit = (event: SubmitEvent) => {
      const state = store.get();
      if (letThrough || state.amountText.trim() === '' || findReviewStep(document)?.hidden !== false) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (state.flight.kind === 'charging' || state.flight.kind === 'recording') return;
      const check = amountCheckOf(state);
      const other = findOtherPaymentFields(document)?.amount.value.trim();
      let problem = check.kind === 'ok' || check.kind === 'empty' ? null : check.reason;
      if (!problem && !(state.stripe?.ok && state.stripe.card))
        problem = 'No card on file for this customer: add one in the Stripe field first.';
      if (!problem && other)
        problem =
          'The Stripe payment is recorded in the Other Payment row: clear that row, or take that payment separately.';
      if (problem) return store.set({ flight: { kind: 'failed', message: problem, canRetry: false } });
      void charge();
    };
    document.addEventListener('submit', onSubmit, { capture: true, signal });
    // A new amount starts a new Confirm: an old refusal no longer applies.
    let lastAmount = store.get().amountText;
    const unsubscribe = store.subscribe((state) => {
      if (state.flight.kind === 'failed' && !state.flight.canRetry && state.amountText !== lastAmount)
        store.set({ flight: { kind: 'idle' } });
      lastAmount = state.amountText;
    });
    signal.addEventListener('abort', unsubscribe, { once: true });
    mountBeside(ctx, document, signal, {
      name: 'stripe-charge-review',
      find: findReviewStep,
      append: 'last',
      view: () => <ChargeReview store={store} onCheckAgain={() => void charge()} />,
    });
  },
});
