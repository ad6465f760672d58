import type { CardSummary } from '../../../../shared/api';
import { amountCheckOf, useChargeState, type ChargeStore } from './charge-store';

const BRANDS: Record<string, string> = { amex: 'American Express', diners: 'Diners Club', unionpay: 'UnionPay' };

/** "visa" → "Visa", as the consultant reads it on the card. */
function brandName(brand: string): string {
  return BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** "Visa •••• 4242" */
export function cardName(card: { brand: string; last4: string }): string {
  return `${brandName(card.brand)} •••• ${card.last4}`;
}

function cardText(card: CardSummary): string {
  return `${cardName(card)} exp ${String(card.expMonth).padStart(2, '0')}/${String(card.expYear).slice(-2)}`;
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
  if (!note && stripe?.ok && !card) note = 'No card on file for this customer: add one to charge it.';
  if (state.cardProblem) note = state.cardProblem;
  if (flight.kind === 'editing-card') note = 'Enter the card in the Stripe window; this updates when it closes.';
  return (
    <div class="stripe">
      <div class="row">
        <label for="stripe-amount">Stripe</label>
        <input
          id="stripe-amount"
          type="text"
          class="amount"
          inputMode="decimal"
          placeholder="0.00"
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
              {card ? 'Edit' : 'Add card'}
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
