import type { PaymentSummary } from '../../../../shared/api';
import { formatMinor } from '../../../../shared/money';
import { cardName } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import { formatSiteDate, formatSiteMoney } from '../../site/money';
import { useChargeState, type ChargeStore } from './charge-store';

const RESULT = {
  pending: 'charge.resultPending',
  unknown: 'charge.resultUnknown',
  requires_action: 'charge.resultRequiresAction',
  succeeded: 'charge.resultSucceeded',
  failed: 'charge.resultFailed',
  canceled: 'charge.resultCanceled',
} as const satisfies Record<PaymentSummary['status'], string>;

/** In the site's money format when the invoice is in its currency (US dollars), else the currency's own. */
function money(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  return currency.toLowerCase() === 'usd' ? formatSiteMoney(minor) : formatMinor(minor, currency);
}

/** "Charged $56.29 to Visa •••• 4242 on 12/02/2026." */
function chargedOnText(payment: PaymentSummary): string {
  const amount = formatSiteMoney(payment.amountMinor);
  const day = formatSiteDate(payment.createdAt);
  return payment.card
    ? i18n.t('charge.chargedToCardOn', [amount, cardName(payment.card), day])
    : i18n.t('charge.chargedOn', [amount, day]);
}

/** The invoice's Stripe attempts: date, amount, card, result, Stripe fee and net, in the site's formats. */
export function ChargeHistory({ store }: { store: ChargeStore }) {
  const { stripe, account, historyNote: note } = useChargeState(store);
  if (!stripe || !stripe.ok || !account?.ok || account.state !== 'connected') return null;
  const charged = stripe.payments.filter((p) => p.status === 'succeeded');
  const waiting = stripe.payments.filter((p) => p.status === 'requires_action' && p.authenticationUrl);
  return (
    <div data-testid="stripe-status">
      <strong>{i18n.t('charge.historyHeading')}</strong>
      {note && (
        <p class="note" role="status" data-testid="stripe-history-note">
          {note}
        </p>
      )}
      {charged.map((p) => (
        <p key={`charged-${p.id}`} class="done" data-testid="stripe-charged">
          {chargedOnText(p)}
        </p>
      ))}
      {waiting.map((p) => (
        <div key={`waiting-${p.id}`} class="warn" role="status" data-testid="stripe-waiting">
          <p>{i18n.t('charge.waitingFor', [money(p.amountMinor, p.currency)])}</p>
          <a href={p.authenticationUrl ?? ''} target="_blank" rel="noreferrer" data-testid="stripe-auth-link">
            {p.authenticationUrl}
          </a>
        </div>
      ))}
      {stripe.payments.length === 0 ? (
        <p class="note">{i18n.t('charge.noPayments')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{i18n.t('charge.columnDate')}</th>
              <th>{i18n.t('charge.columnAmount')}</th>
              <th>{i18n.t('charge.columnCard')}</th>
              <th>{i18n.t('charge.columnResult')}</th>
              <th>{i18n.t('charge.columnFee')}</th>
              <th>{i18n.t('charge.columnNet')}</th>
            </tr>
          </thead>
          <tbody>
            {stripe.payments.map((p) => (
              <tr key={p.id}>
                <td>{formatSiteDate(p.createdAt)}</td>
                <td>{money(p.amountMinor, p.currency)}</td>
                <td>{p.card ? cardName(p.card) : '—'}</td>
                <td>
                  {i18n.t(RESULT[p.status])}
                  {p.refundedMinor > 0 && ` ${i18n.t('charge.resultRefunded', [money(p.refundedMinor, p.currency)])}`}
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
