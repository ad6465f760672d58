import type { PaymentSummary } from '../../../../shared/api';
import { ChargeHistory } from './history-view';
import { mountBeside } from './charge-mount';
import { chargeStore, type ChargeState, type ChargeStore } from './charge-store';
import { readLandingNote } from './landing-note';
import { noteNamesPayment, stripeNote } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import {
  findConfirmButton,
  findContinueButton,
  findInvoiceParts,
  findOtherPaymentFields,
  readRecordedPayments,
  recordOtherPayment,
} from '../../site/invoice';
import { formatSiteMoney } from '../../site/money';
import { askBackground } from '../../utils/ask-background';
import type { DeferredStart } from '../deferred';

const TRIED_KEY = 'qtsb-recording-';

/**
 * A payment Stripe took that the site does not show yet (the customer authenticated later, or the
 * page went away before Confirm): written into the Other Payment row and confirmed through the
 * site's own Continue → Confirm, once per tab; once the site lists it (or listed it and reversed it),
 * the worker is told.
 */
async function reconcile(doc: Document, store: ChargeStore, payments: PaymentSummary[]): Promise<void> {
  const unrecorded = payments.filter(
    (p): p is PaymentSummary & { paymentIntentId: string } =>
      p.status === 'succeeded' && !p.recordedOnSite && !!p.paymentIntentId,
  );
  if (unrecorded.length === 0) return;
  // A row naming the payment, even reversed since (a refund, or the consultant's own choice), means
  // the site has had it: recording it again would count money Stripe gave back or the consultant took off.
  const onSite = readRecordedPayments(doc);
  const missing: PaymentSummary[] = [];
  for (const payment of unrecorded) {
    if (onSite.some((r) => noteNamesPayment(r.note, payment.paymentIntentId))) {
      const reply = await askBackground({ type: 'charges:recorded', paymentId: payment.id });
      const current = store.get().stripe;
      if (reply.ok && current?.ok)
        store.set({
          stripe: {
            ...current,
            payments: current.payments.map((p) => (p.id === payment.id ? { ...p, recordedOnSite: true } : p)),
          },
        });
    } else missing.push(payment);
  }
  const next = missing[0];
  if (!next) return;
  const tried = `${TRIED_KEY}${next.id}`;
  if (doc.defaultView?.sessionStorage.getItem(tried)) {
    store.set({
      historyNote: i18n.t('charge.addByHand', [formatSiteMoney(next.amountMinor), stripeNote(next)]),
    });
    return;
  }
  if (
    findOtherPaymentFields(doc)?.amount.value.trim() ||
    recordOtherPayment(doc, { amountCents: next.amountMinor, note: stripeNote(next) }) !== 'filled'
  ) {
    store.set({
      historyNote: i18n.t('charge.clearOtherRow', [formatSiteMoney(next.amountMinor)]),
    });
    return;
  }
  doc.defaultView?.sessionStorage.setItem(tried, '1');
  store.set({ historyNote: i18n.t('charge.recordingLater', [formatSiteMoney(next.amountMinor)]) });
  findContinueButton(doc)?.click();
  findConfirmButton(doc)?.click();
}

/** The invoice's Stripe history, and recording on the site what Stripe took while the invoice was closed (charge-history.tsx). */
export const startChargeHistory: DeferredStart = (signal, { ctx, document }) => {
  const store = chargeStore(document);
  // What the new-invoice Confirm that brought the consultant here has to say (charge-confirm).
  const showLandingNote = () => {
    const number = findInvoiceParts(document).number?.value.trim();
    const landing = number ? readLandingNote(document.defaultView, number) : null;
    if (landing) store.set({ historyNote: landing });
  };
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', showLandingNote, { once: true, signal });
  else showLandingNote();
  let seen: unknown = null;
  const reconcileOnce = (state: ChargeState) => {
    if (!state.stripe?.ok || state.stripe === seen || state.flight.kind !== 'idle') return;
    seen = state.stripe;
    void reconcile(document, store, state.stripe.payments);
  };
  const unsubscribe = store.subscribe(reconcileOnce);
  signal.addEventListener('abort', unsubscribe, { once: true });
  // The worker may have answered before this part arrived.
  reconcileOnce(store.get());
  mountBeside(ctx, document, signal, {
    name: 'stripe-charge-history',
    find: (root) => findOtherPaymentFields(root)?.container ?? null,
    append: 'after',
    view: () => <ChargeHistory store={store} />,
  });
};
