import type { PaymentSummary } from '../../../../shared/api';
import { formatMinor } from '../../../../shared/money';
import { useChargeState, type ChargeStore } from './charge-store';

const RESULT: Record<PaymentSummary['status'], string> = {
  pending: 'Processing',
  unknown: 'Not known yet',
  requires_action: 'Waiting for the customer to authenticate',
  succeeded: 'Paid',
  failed: 'Declined',
  canceled: 'Canceled',
};

function money(minor: number | null, currency: string): string {
  return minor === null ? '—' : formatMinor(minor, currency);
}

/** The invoice's Stripe attempts: time, amount, card, result, Stripe fee and net. */
export function ChargeHistory({ store }: { store: ChargeStore }) {
  const { stripe, account, historyNote: note } = useChargeState(store);
  if (!stripe || !stripe.ok || !account?.ok || account.state !== 'connected') return null;
  return (
    <div data-testid="stripe-status">
      <strong>Stripe payments</strong>
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
      {stripe.payments.length === 0 ? (
        <p class="note">No Stripe payments on this invoice yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Time</th>
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
                <td>{new Date(p.createdAt).toLocaleString()}</td>
                <td>{formatMinor(p.amountMinor, p.currency)}</td>
                <td>{p.card ? `${p.card.brand} •••• ${p.card.last4}` : '—'}</td>
                <td>
                  {RESULT[p.status]}
                  {p.refundedMinor > 0 && ` (refunded ${formatMinor(p.refundedMinor, p.currency)})`}
                  {p.status !== 'succeeded' && p.message && <div class="bad">{p.message}</div>}
                  {p.status === 'requires_action' && p.authenticationUrl && <div>{p.authenticationUrl}</div>}
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
