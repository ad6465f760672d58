import type { CardSummary } from '../../../../shared/api';
import { cardName } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import { amountCheckOf, useChargeState, type ChargeStore } from './charge-store';

/** "Visa •••• 4242 exp 12/34" */
function cardText(card: CardSummary): string {
  return i18n.t('charge.cardWithExpiry', [
    cardName(card),
    String(card.expMonth).padStart(2, '0'),
    String(card.expYear).slice(-2),
  ]);
}

export interface ChargeFieldProps {
  store: ChargeStore;
  onEditCard: () => void;
}

/** The Stripe payment field, laid out like the site's own rows (label, amount box), with the card on file beside it. */
export function ChargeField({ store, onEditCard }: ChargeFieldProps) {
  const state = useChargeState(store);
  const check = amountCheckOf(state);
  const { stripe, flight } = state;
  const busy =
    flight.kind === 'saving' ||
    flight.kind === 'charging' ||
    flight.kind === 'editing-card' ||
    flight.kind === 'recording';
  const usable = check.kind !== 'disabled';
  const connected = state.account?.ok && state.account.state === 'connected' && state.invoice;
  const card = stripe?.ok ? stripe.card : null;
  let note = check.kind === 'disabled' || check.kind === 'invalid' ? check.reason : '';
  if (!note && stripe && !stripe.ok) note = stripe.message;
  if (!note && stripe?.ok && !card) note = i18n.t('charge.noCard');
  if (state.cardProblem) note = state.cardProblem;
  if (flight.kind === 'editing-card') note = i18n.t('charge.cardWindow');
  return (
    <div class="stripe">
      <div class="row">
        <label for="stripe-amount">{i18n.t('charge.fieldLabel')}</label>
        <input
          id="stripe-amount"
          type="text"
          class="amount"
          inputMode="decimal"
          placeholder={i18n.t('charge.amountPlaceholder')}
          data-testid="stripe-amount"
          value={state.amountText}
          disabled={!usable || busy}
          aria-invalid={check.kind === 'invalid'}
          onInput={(event) => store.set({ amountText: event.currentTarget.value })}
        />
        {connected && stripe?.ok && (
          <>
            {card && <span data-testid="stripe-card-summary">{cardText(card)}</span>}
            <button
              type="button"
              class="btn small secondary"
              disabled={busy}
              data-testid={card ? 'stripe-card-edit' : 'stripe-card-add'}
              onClick={onEditCard}
            >
              {i18n.t(card ? 'charge.editCard' : 'charge.addCard')}
            </button>
          </>
        )}
      </div>
      {note && (
        <p
          class={check.kind === 'invalid' ? 'note bad' : 'note'}
          role={check.kind === 'invalid' ? 'alert' : undefined}
          data-testid="stripe-amount-note"
        >
          {note}
        </p>
      )}
    </div>
  );
}
