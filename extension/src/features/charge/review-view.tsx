import { formatMinor } from '../../../../shared/money';
import { cardText } from './field-view';
import { amountCheckOf, useChargeState, type ChargeStore } from './charge-store';

export interface ChargeReviewProps {
  store: ChargeStore;
  onCheckAgain: () => void;
}

/** In the site's review step: the red warning before Confirm, then where the charge stands. */
export function ChargeReview({ store, onCheckAgain }: ChargeReviewProps) {
  const state = useChargeState(store);
  const { flight, stripe, invoice } = state;
  const check = amountCheckOf(state);
  const card = stripe?.ok ? stripe.card : null;
  if (flight.kind === 'charging') {
    return (
      <p class="warn" role="status">
        <span class="spin" /> Charging the card through Stripe… Please wait.
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
          <button type="button" class="link" data-testid="stripe-check-again" onClick={onCheckAgain}>
            Check again
          </button>
        )}
      </p>
    );
  }
  if (flight.kind === 'waiting') {
    return (
      <div class="warn" role="status" data-testid="stripe-waiting">
        <p>Waiting for the customer to authenticate the payment with their bank. Send them this link:</p>
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
      <p class="warn" data-testid="stripe-warning">
        No card on file for this customer: add one in the Stripe field before Confirm.
      </p>
    );
  return (
    <p class="warn" data-testid="stripe-warning">
      Clicking Confirm will charge the customer's Credit/Debit card {cardText(card)}:{' '}
      {formatMinor(check.minor, invoice.currency)} through Stripe.
    </p>
  );
}
