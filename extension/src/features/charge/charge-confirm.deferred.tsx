import type { PaymentSummary } from '../../../../shared/api';
import { mountBeside } from './charge-mount';
import { ChargeReview } from './review-view';
import {
  amountCheckOf,
  chargeStore,
  confirmsStripeAmount,
  failureText,
  followInvoice,
  refreshInvoice,
  type Flight,
} from './charge-store';
import { leaveLandingNote } from './landing-note';
import { saveThenCharge } from './new-invoice-charge';
import { cardName, stripeNote } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import {
  findConfirmButton,
  findOtherPaymentFields,
  findReviewActions,
  findReviewStep,
  recordOtherPayment,
  showReviewPayment,
} from '../../site/invoice';
import { formatSiteMoney } from '../../site/money';
import { toSiteInvoice } from '../../site/site-invoice';
import { isNewInvoicePage } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { pageIo } from '../../utils/site-fetch';
import type { DeferredStart } from '../deferred';

/**
 * The Confirm step of charge-confirm.tsx: on an existing invoice the card is charged (once per
 * Confirm, whatever is clicked meanwhile), then the payment is written into the site's Other Payment
 * row and the site's own Confirm goes on; on a new invoice the invoice is saved first, then charged
 * and recorded (new-invoice-charge.ts). The Stripe payment is a row of the site's review list, and
 * the red warning above Confirm takes the focus when the review opens.
 */
export const startConfirmStep: DeferredStart = (signal, { ctx, document, url }) => {
  const store = chargeStore(document);
  let letThrough = false;
  const settle = (flight: Flight) => {
    const confirm = findConfirmButton(document);
    if (confirm) confirm.disabled = false;
    store.set({ flight });
  };
  const hold = (flight: Flight) => {
    const confirm = findConfirmButton(document);
    if (confirm) confirm.disabled = true;
    store.set({ flight });
  };
  const record = (payment: PaymentSummary) => {
    const confirm = findConfirmButton(document);
    if (payment.recordedOnSite)
      return settle({
        kind: 'failed',
        message: i18n.t('charge.alreadyRecorded'),
        canRetry: false,
      });
    const filled = recordOtherPayment(document, { amountCents: payment.amountMinor, note: stripeNote(payment) });
    if (filled !== 'filled' || !confirm?.form) {
      return settle({
        kind: 'failed',
        message: i18n.t('charge.notWritten'),
        canRetry: false,
      });
    }
    settle({ kind: 'recording', message: i18n.t('charge.recording') });
    store.set({ amountText: '' });
    // The site's own Confirm records it; the reloaded invoice then tells the worker (charge-history).
    letThrough = true;
    confirm.form.requestSubmit(confirm);
    letThrough = false;
  };
  const chargeExisting = async (minor: number) => {
    const { invoice } = store.get();
    if (!invoice) return;
    hold({ kind: 'charging' });
    const reply = await askBackground({
      type: 'charges:create',
      invoice: toSiteInvoice(invoice),
      amountMinor: minor,
    });
    if (signal.aborted) return;
    if (!reply.ok)
      return settle({ kind: 'failed', message: failureText(reply), canRetry: reply.error.code === 'internal' });
    if (reply.outcome === 'succeeded') return record(reply.record);
    if (reply.outcome === 'requires_action')
      return settle({ kind: 'waiting', authenticationUrl: reply.record.authenticationUrl });
    settle({ kind: 'failed', message: reply.message, canRetry: reply.outcome === 'unknown' });
  };
  const chargeNew = async (minor: number) => {
    const win = document.defaultView;
    if (!win) return;
    const outcome = await saveThenCharge(document, minor, {
      io: pageIo(win),
      pageUrl: url.href,
      charge: (invoice) => askBackground({ type: 'charges:create', invoice, amountMinor: minor }),
      onStep: hold,
    });
    if (signal.aborted) return;
    if (outcome.kind === 'refused') return settle({ kind: 'failed', message: outcome.message, canRetry: false });
    if (outcome.note) leaveLandingNote(win, outcome.invoiceNumber, outcome.note);
    store.set({ amountText: '' });
    win.location.assign(outcome.url);
  };
  const charge = () => {
    const check = amountCheckOf(store.get());
    if (check.kind !== 'ok') return;
    void (isNewInvoicePage(url) ? chargeNew(check.minor) : chargeExisting(check.minor));
  };
  const onSubmit = (event: SubmitEvent) => {
    const state = store.get();
    if (letThrough || !confirmsStripeAmount(document, state)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (['saving', 'charging', 'recording'].includes(state.flight.kind)) return;
    // The amount is checked against the totals as they are now (a site may total only at review).
    refreshInvoice(document, store);
    const check = amountCheckOf(store.get());
    const other = findOtherPaymentFields(document)?.amount.value.trim();
    let problem = check.kind === 'ok' || check.kind === 'empty' ? null : check.reason;
    if (!problem && !(state.stripe?.ok && state.stripe.card)) problem = i18n.t('charge.noCardAtConfirm');
    if (!problem && other) problem = i18n.t('charge.otherRowTaken');
    if (problem) return store.set({ flight: { kind: 'failed', message: problem, canRetry: false } });
    charge();
  };
  document.addEventListener('submit', onSubmit, { capture: true, signal });

  // The Stripe payment as a row of the site's review list, kept there as the site rebuilds it.
  const showStripeRow = () => {
    const state = store.get();
    const check = amountCheckOf(state);
    const card = state.stripe?.ok ? state.stripe.card : null;
    const stillToCharge = !['recording', 'waiting'].includes(state.flight.kind);
    showReviewPayment(
      document,
      check.kind === 'ok' && card && stillToCharge
        ? { label: i18n.t('charge.reviewRow', [cardName(card)]), amountText: formatSiteMoney(check.minor) }
        : null,
    );
  };
  // After Continue: the amount checked against the totals the review shows, then the warning focused.
  let reviewOpen = false;
  const onReviewChange = () => {
    const open = findReviewStep(document)?.hidden === false;
    if (open && !reviewOpen) {
      refreshInvoice(document, store);
      store.set({ warningFocusRequest: store.get().warningFocusRequest + 1 });
    } else showStripeRow();
    reviewOpen = open;
  };
  const review = findReviewStep(document);
  if (review) {
    const View = document.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new View(onReviewChange);
    observer.observe(review, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  // A new amount starts a new Confirm: an old refusal no longer applies.
  let lastAmount = store.get().amountText;
  const unsubscribe = store.subscribe((state) => {
    if (state.flight.kind === 'failed' && !state.flight.canRetry && state.amountText !== lastAmount)
      store.set({ flight: { kind: 'idle' } });
    lastAmount = state.amountText;
    showStripeRow();
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
  followInvoice(document, store, signal);
  // This step arrives after the page's script: the consultant may already be at the review.
  onReviewChange();
  mountBeside(ctx, document, signal, {
    name: 'stripe-charge-review',
    find: findReviewActions,
    append: 'before',
    view: () => <ChargeReview store={store} onCheckAgain={charge} />,
  });
};
