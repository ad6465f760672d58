import { Component, createRef } from 'preact';
import type { InvoiceStripeStatus } from '../../../../shared/api';
import { formatMinor } from '../../../../shared/money';
import { i18n } from '../../i18n';
import { amountInputText, checkRefundAmount } from './refund-amount';
import {
  afterRefund,
  afterwardsSentence,
  cardLabel,
  reasonLabel,
  REFUND_REASON_CHOICES,
  type RefundReason,
  type SiteAmounts,
} from './refund-words';

interface Props {
  invoiceNumber: string;
  status: InvoiceStripeStatus;
  /** What the site's invoice shows now, to say what it will show after the refund. */
  site: SiteAmounts;
  /** Refunds; resolves with a sentence to show in the dialog, or null once the refund is done with. */
  refund: (amountMinor: number, reason: RefundReason | null) => Promise<string | null>;
  /** The dialog closed (Cancel, Escape, or the refund done); the row takes focus back. */
  onClose: () => void;
}

interface State {
  amountText: string;
  reason: RefundReason | '';
  busy: boolean;
  problem: string | null;
}

/** The currency sign shown before the amount box ("$"), from the money formatter itself. */
function currencySign(currency: string): string {
  return formatMinor(0, currency).replace(/[\d.,\s]/g, '') || currency.toUpperCase();
}

/** A modal refund form: native <dialog>, so the browser traps focus and Escape closes it. */
export class RefundDialog extends Component<Props, State> {
  override state: State = {
    amountText: amountInputText(this.props.status.refundableMinor, this.props.status.currency),
    reason: '',
    busy: false,
    problem: null,
  };
  private dialog = createRef<HTMLDialogElement>();
  private amount = createRef<HTMLInputElement>();

  override componentDidMount() {
    this.dialog.current?.showModal();
    this.amount.current?.focus();
    this.amount.current?.select();
  }

  override componentWillUnmount() {
    if (this.dialog.current?.open) this.dialog.current.close();
  }

  private submit = async (event: Event) => {
    event.preventDefault();
    const { status } = this.props;
    const { amountText, reason, busy } = this.state;
    if (busy) return;
    const check = checkRefundAmount(amountText, status.refundableMinor, status.currency);
    if (!check.ok) {
      this.setState({ problem: check.reason });
      this.amount.current?.focus();
      return;
    }
    this.setState({ busy: true, problem: null });
    const problem = await this.props.refund(check.minor, reason === '' ? null : reason);
    // A finished refund unmounts this dialog; only a refusal comes back here.
    // The amount box was disabled while waiting, which took focus from it: give it back.
    if (problem !== null) this.setState({ busy: false, problem }, () => this.amount.current?.focus());
  };

  /** Escape: closes unless a refund is on its way (its answer must be seen). */
  private cancel = (event: Event) => {
    if (this.state.busy) event.preventDefault();
  };

  override render() {
    const { invoiceNumber, status, site } = this.props;
    const { amountText, reason, busy, problem } = this.state;
    const money = (minor: number) => formatMinor(minor, status.currency);
    const card = cardLabel(status.card);
    const check = checkRefundAmount(amountText, status.refundableMinor, status.currency);
    return (
      <dialog
        ref={this.dialog}
        aria-labelledby="refund-title"
        data-testid="stripe-refund-dialog"
        onCancel={this.cancel}
        onClose={this.props.onClose}
      >
        <form onSubmit={this.submit} noValidate>
          <h2 id="refund-title">{i18n.t('refund.dialogTitle', [invoiceNumber])}</h2>
          <label for="refund-amount">{i18n.t('refund.amountLabel', [money(status.refundableMinor)])}</label>
          <div class="money">
            <span class="sign" aria-hidden="true">
              {currencySign(status.currency)}
            </span>
            <input
              id="refund-amount"
              ref={this.amount}
              data-testid="stripe-refund-amount"
              inputMode="decimal"
              autocomplete="off"
              value={amountText}
              disabled={busy}
              aria-invalid={problem !== null}
              aria-describedby="refund-afterwards"
              onInput={(e) => this.setState({ amountText: e.currentTarget.value, problem: null })}
            />
          </div>
          <label for="refund-reason">{i18n.t('refund.reasonLabel')}</label>
          <select
            id="refund-reason"
            data-testid="stripe-refund-reason"
            value={reason}
            disabled={busy}
            onChange={(e) => this.setState({ reason: e.currentTarget.value as RefundReason | '' })}
          >
            <option value="">{i18n.t('refund.noReason')}</option>
            {REFUND_REASON_CHOICES.map((key) => (
              <option value={key} key={key}>
                {reasonLabel(key)}
              </option>
            ))}
          </select>
          <p id="refund-afterwards" class="afterwards" data-testid="stripe-refund-afterwards" aria-live="polite">
            {check.ok ? afterwardsSentence(invoiceNumber, afterRefund(site, check.minor), status.currency) : ''}
          </p>
          <p class="muted">{i18n.t('refund.fundsAndFees')}</p>
          {problem && (
            <p class="problem" role="alert" data-testid="stripe-refund-problem">
              {problem}
            </p>
          )}
          <div class="buttons">
            <button
              type="button"
              class="btn secondary"
              data-testid="stripe-refund-cancel"
              disabled={busy}
              onClick={() => this.dialog.current?.close()}
            >
              {i18n.t('refund.cancel')}
            </button>
            <button type="submit" class="btn" data-testid="stripe-refund-confirm" disabled={busy}>
              {busy
                ? i18n.t('refund.refunding')
                : check.ok
                  ? i18n.t('refund.refundAmountTo', [money(check.minor), card])
                  : i18n.t('refund.refundTo', [card])}
            </button>
          </div>
        </form>
      </dialog>
    );
  }
}
