import { cardName } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import { formatSiteMoney } from '../../site/money';
import { amountCheckOf, useChargeState, type ChargeStore } from './charge-store';

const focusedRequest = new WeakMap<ChargeStore, number>();

/** Focuses the warning once for each time the review opened, so a keyboard or screen reader user is told first. */
function focusOnOpen(store: ChargeStore, request: number) {
  return (el: HTMLElement | null) => {
    if (!el || request === 0 || focusedRequest.get(store) === request) return;
    focusedRequest.set(store, request);
    el.focus();
  };
}

export interface ChargeReviewProps {
  store: ChargeStore;
  onCheckAgain: () => void;
}

/**
 * In the site's review step, above its Back and Confirm: the red warning (announced, and focused after
 * Continue by charge-confirm), then where the charge stands.
 */
export function ChargeReview({ store, onCheckAgain }: ChargeReviewProps) {
  const state = useChargeState(store);
  const { flight, stripe, invoice } = state;
  const check = amountCheckOf(state);
  const card = stripe?.ok ? stripe.card : null;
  if (flight.kind === 'saving')
    return (
      <p role="status">
        <span class="spin" /> {i18n.t('charge.saving')}
      </p>
    );
  if (flight.kind === 'charging') {
    return (
      <p class="warn" role="status">
        <span class="spin" /> {i18n.t('charge.charging')}
      </p>
    );
  }
  if (flight.kind === 'recording')
    return (
      <p role="status">
        <span class="spin" /> {flight.message}
      </p>
    );
  if (flight.kind === 'failed') {
    return (
      <p class="warn" role="alert" data-testid="stripe-charge-error">
        {flight.message}{' '}
        {flight.canRetry && (
          <button type="button" class="btn small secondary" data-testid="stripe-check-again" onClick={onCheckAgain}>
            {i18n.t('charge.checkAgain')}
          </button>
        )}
      </p>
    );
  }
  if (flight.kind === 'waiting') {
    return (
      <div class="warn" role="status" data-testid="stripe-waiting">
        <p>{i18n.t('charge.waiting')}</p>
        {flight.authenticationUrl && (
          <a href={flight.authenticationUrl} target="_blank" rel="noreferrer" data-testid="stripe-auth-link">
            {flight.authenticationUrl}
          </a>
        )}
      </div>
    );
  }
  if (check.kind !== 'ok' || !invoice) return null;
  if (!card)
    return (
      <p
        class="warn"
        role="alert"
        tabIndex={-1}
        data-testid="stripe-warning"
        ref={focusOnOpen(store, state.warningFocusRequest)}
      >
        {i18n.t('charge.noCardWarning')}
      </p>
    );
  return (
    <p
      class="warn"
      role="alert"
      tabIndex={-1}
      data-testid="stripe-warning"
      ref={focusOnOpen(store, state.warningFocusRequest)}
    >
      {i18n.t('charge.warning', [cardName(card), formatSiteMoney(check.minor)])}
    </p>
  );
}
