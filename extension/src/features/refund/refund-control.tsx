import { Component } from 'preact';
import type { InvoiceStripeStatus } from '../../../../shared/api';
import { formatMinor } from '../../../../shared/money';
import { amountInputText, checkRefundAmount } from './refund-amount';

export const REFUND_CSS = `
:host{display:inline-block !important;margin-left:6px !important;font-size:12px !important;line-height:1.4 !important;color:#2b2b2b !important}
button{font:inherit;cursor:pointer}
.arrow{border:0;background:none;padding:0 2px;font-size:16px;line-height:1}
.green{color:#1a7f37}.red{color:#cf222e}.muted{color:#777}
form{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:4px;padding:6px;border:1px solid #ddd;background:#fafafa}
input{font:inherit;width:80px;text-align:right}
p{margin:0;flex-basis:100%}.problem{color:#cf222e}
.spin{display:inline-block;width:10px;height:10px;border:2px solid #999;border-top-color:transparent;border-radius:50%;animation:s 1s linear infinite}
@keyframes s{to{transform:rotate(360deg)}}
`;

const PENDING_SENTENCE = 'Refund pending: Stripe sends it once your Stripe balance covers the refund and its fee.';
const RETURN_EXCHANGE = 'Only Normal Sale invoices can be refunded to Stripe; this is a Return/Exchange invoice.';

/** What the list row's refund asks the feature to do; resolves with the sentence to show, if any. */
export type RefundAction = (
  amountMinor: number,
) => Promise<{ status?: InvoiceStripeStatus | null; note?: string; problem?: string }>;

interface Props {
  kind: 'normal_sale' | 'return_exchange';
  status: InvoiceStripeStatus | undefined;
  /** Only the Paid list offers the green arrow. */
  canRefund: boolean;
  refund: RefundAction;
}

interface State {
  status: InvoiceStripeStatus | undefined;
  open: boolean;
  amountText: string;
  busy: boolean;
  note: string | null;
  problem: string | null;
}

/** A row's arrows: green refunds the Stripe payment, red marks a refunded one; a small form in between. */
export class RefundControl extends Component<Props, State> {
  override state: State = {
    status: this.props.status,
    open: false,
    amountText: '',
    busy: false,
    note: null,
    problem: null,
  };

  private openForm = () => {
    const { status } = this.state;
    if (status)
      this.setState({
        open: !this.state.open,
        amountText: amountInputText(status.refundableMinor, status.currency),
        problem: null,
      });
  };

  private submit = async (event: Event) => {
    event.preventDefault();
    const { status, amountText, busy } = this.state;
    if (!status || busy) return;
    const check = checkRefundAmount(amountText, status.refundableMinor, status.currency);
    if (!check.ok) return this.setState({ problem: check.reason });
    this.setState({ busy: true, problem: null, note: null });
    const result = await this.props.refund(check.minor);
    this.setState({
      busy: false,
      status: result.status ?? status,
      note: result.note ?? null,
      problem: result.problem ?? null,
      open: Boolean(result.problem),
    });
  };

  override render() {
    const { kind, canRefund } = this.props;
    const { status, open, amountText, busy, note, problem } = this.state;
    if (kind === 'return_exchange') {
      return (
        <span class="muted" title={RETURN_EXCHANGE} data-testid="stripe-refund-unavailable">
          No Stripe refund ⓘ
        </span>
      );
    }
    if (!status || status.state === 'none') return null;
    const money = (minor: number) => formatMinor(minor, status.currency);
    const refunded = status.refundedMinor > 0;
    return (
      <span>
        {refunded && (
          <span
            class="arrow red"
            data-testid="stripe-refunded"
            title={`Refunded to the card: ${money(status.refundedMinor)} of ${money(status.chargedMinor)}`}
            aria-label="Refunded to Stripe"
          >
            ↩
          </span>
        )}
        {status.pendingRefundMinor > 0 && (
          <span class="muted" data-testid="stripe-refund-pending" title={PENDING_SENTENCE}>
            {' '}
            refund pending ({money(status.pendingRefundMinor)})
          </span>
        )}
        {canRefund && status.refundableMinor > 0 && (
          <button
            type="button"
            class="arrow green"
            data-testid="stripe-refund"
            title={`Refund up to ${money(status.refundableMinor)} to the card`}
            aria-label="Refund to Stripe"
            onClick={this.openForm}
          >
            ↩
          </button>
        )}
        {open && (
          <form onSubmit={this.submit}>
            <input
              data-testid="stripe-refund-amount"
              aria-label="Amount to refund"
              inputMode="decimal"
              value={amountText}
              disabled={busy}
              onInput={(e) => this.setState({ amountText: e.currentTarget.value, problem: null })}
            />
            <button type="submit" data-testid="stripe-refund-confirm" disabled={busy}>
              {busy ? <span class="spin" aria-label="Refunding" /> : 'Refund'}
            </button>
            <p class="muted">Your Stripe account must hold funds for the refund and Stripe's fee.</p>
          </form>
        )}
        {(problem || note) && (
          <p
            class={problem ? 'problem' : 'muted'}
            role={problem ? 'alert' : 'status'}
            data-testid="stripe-refund-message"
          >
            {problem ?? note}
          </p>
        )}
      </span>
    );
  }
}
