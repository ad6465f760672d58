import type { PaymentSummary } from '../../../../shared/api';
import { formatMinor } from '../../../../shared/money';
import { formatSiteDate, formatSiteMoney } from '../../site/money';
import { useChargeState, type ChargeStore } from './charge-store';
import { cardName } from './field-view';
import { chargedText } from './new-invoice-charge';

const RESULT: Record<PaymentSummary['status'], string> = {
  pending: 'Processing',
  unknown: 'Not known yet',
  requires_action: 'Waiting for the customer to authenticate',
  succeeded: 'Paid',
  failed: 'Declined',
  canceled: 'Canceled',
};

/** In the site's money format when the invoice is in its currency (US dollars), else the currency's own. */
function money(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  return currency.toLowerCase() === 'usd' ? formatSiteMoney(minor) : formatMinor(minor, currency);
}

/** The invoice's Stripe attempts: date, amount, card, result, Stripe fee and net, in the site's formats. */
export function ChargeHistory({ store }: { store: ChargeStore }) {
  const { stripe, account, historyNote: note } = useChargeState(store);
  if (!stripe || !stripe.ok || !account?.ok || account.state !== 'connected') return null;
  const charged = stripe.payments.filter((p) => p.status === 'succeeded');
  const waiting = stripe.payments.filter((p) => p.status === 'requires_action' && p.authenticationUrl);
  return (
    <div data-testid="stripe-status">
      <strong>Stripe payments</strong>
      {note && (
        <p class="note" role="status" data-testid="stripe-history-note">
          {note}
        </p>
      )}
      {charged.map((p) => (
        <p key={`charged-${p.id}`} class="done" data-testid="stripe-charged">
          {chargedText(p)} on {formatSiteDate(p.createdAt)}.
        </p>
      ))}
      {waiting.map((p) => (
        <div key={`waiting-${p.id}`} class="warn" role="status" data-testid="stripe-waiting">
          <p>
            Waiting for the customer to authenticate {money(p.amountMinor, p.currency)} with their bank. Send them this
            link:
          </p>
          <a href={p.authenticationUrl ?? ''} target="_blank" rel="noreferrer" data-testid="stripe-auth-link">
            {p.authenticationUrl}
          </a>
        </div>
      ))}
      {stripe.payments.length === 0 ? (
        <p class="note">No Stripe payments on this invoice yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Amount</th>
              <th>Card</th>
              <th>Result</th>
              <th>Stripe fee</th>
              <th>Net</th>
            </tr>
          </thead>
          <tbody>
            {stripe.payments.map((p) => (
              <tr key={p.id}>
                <td>{formatSiteDate(p.createdAt)}</td>
                <td>{money(p.amountMinor, p.currency)}</td>
                <td>{p.card ? cardName(p.card) : '—'}</td>
                <td>
                  {RESULT[p.status]}
                  {p.refundedMinor > 0 && ` (refunded ${money(p.refundedMinor, p.currency)})`}
                  {p.status !== 'succeeded' && p.message && <div class="bad">{p.message}</div>}
                </td>
                <td>{money(p.feeMinor, p.currency)}</td>
                <td>{money(p.netMinor, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
