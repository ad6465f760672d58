import { Component, createRef } from 'preact';
import type { InvoiceStripeStatus } from '../../../../shared/api';
import { formatMinor } from '../../../../shared/money';
import { i18n } from '../../i18n';
import { InfoIcon, RefundArrowIcon, RefundedIcon } from './refund-icons';
import { RefundDialog } from './refund-dialog';
import {
  afterRefund,
  cardLabel,
  nowSentence,
  refundedDetails,
  type RefundReason,
  type SiteAmounts,
} from './refund-words';

/** What a refund came to, as the feature learnt it from the background and the site. */
interface RefundResult {
  status?: InvoiceStripeStatus | null;
  /** The money went back to the card. */
  refunded?: boolean;
  /** Not refunded (yet): pending, or the outcome unknown. */
  note?: string;
  problem?: string;
}

export type RefundAction = (amountMinor: number, reason: RefundReason | null) => Promise<RefundResult>;

interface Props {
  invoiceNumber: string;
  kind: 'normal_sale' | 'return_exchange';
  status: InvoiceStripeStatus | undefined;
  site: SiteAmounts;
  refund: RefundAction;
}

interface State {
  status: InvoiceStripeStatus | undefined;
  site: SiteAmounts;
  dialogOpen: boolean;
  detailsOpen: boolean;
  /** The line under the markers after a refund: what happened, in words. */
  line: { text: string; problem: boolean } | null;
}

/**
 * A list row's Stripe markers: the green arrow opens the refund dialog while anything is left to
 * refund; the red disc says what was refunded, opened by keyboard or pointer alike.
 */
export class RefundControl extends Component<Props, State> {
  override state: State = {
    status: this.props.status,
    site: this.props.site,
    dialogOpen: false,
    detailsOpen: false,
    line: null,
  };
  private arrow = createRef<HTMLButtonElement>();
  private marker = createRef<HTMLButtonElement>();

  /** Focus goes back to the control that opened the dialog, or to the red marker once nothing is left. */
  private closeDialog = () => {
    this.setState({ dialogOpen: false }, () => (this.arrow.current ?? this.marker.current)?.focus());
  };

  private refund = async (amountMinor: number, reason: RefundReason | null): Promise<string | null> => {
    const { status, site } = this.state;
    if (!status) return null;
    const result = await this.props.refund(amountMinor, reason);
    const next = result.status ?? status;
    if (!result.refunded) {
      if (result.note) this.setState({ status: next, line: { text: result.note, problem: false } });
      else if (result.problem) {
        this.setState({ status: next });
        return result.problem;
      }
      this.closeDialog();
      return null;
    }
    const now = afterRefund(site, amountMinor);
    const done = i18n.t('refund.done', [formatMinor(amountMinor, next.currency), cardLabel(next.card)]);
    this.setState({
      status: next,
      site: now,
      line: result.problem
        ? { text: `${done} ${result.problem}`, problem: true }
        : { text: `${done} ${nowSentence(this.props.invoiceNumber, now, next.currency)}`, problem: false },
    });
    this.closeDialog();
    return null;
  };

  private toggleDetails = () => this.setState({ detailsOpen: !this.state.detailsOpen });

  override render() {
    const { kind, invoiceNumber } = this.props;
    const { status, site, dialogOpen, detailsOpen, line } = this.state;
    if (kind === 'return_exchange') {
      return (
        <span data-testid="stripe-refund-unavailable">
          <span class="muted">{i18n.t('refund.noRefund')}</span>
          <button
            type="button"
            class="marker muted"
            aria-label={i18n.t('refund.whyNoRefund')}
            aria-expanded={detailsOpen}
            aria-controls="refund-why"
            data-testid="stripe-refund-why"
            onClick={this.toggleDetails}
          >
            <InfoIcon />
          </button>
          <span id="refund-why" class="details" hidden={!detailsOpen}>
            {i18n.t('refund.returnExchange')}
          </span>
        </span>
      );
    }
    if (!status || status.state === 'none') return null;
    const money = (minor: number) => formatMinor(minor, status.currency);
    return (
      <span>
        {status.refundedMinor > 0 && (
          <button
            type="button"
            ref={this.marker}
            class="marker red"
            data-testid="stripe-refunded"
            aria-label={i18n.t('refund.refundedMarker')}
            aria-describedby="refund-details"
            aria-expanded={detailsOpen}
            onClick={this.toggleDetails}
          >
            <RefundedIcon />
          </button>
        )}
        {status.refundableMinor > 0 && (
          <button
            type="button"
            ref={this.arrow}
            class="marker green"
            data-testid="stripe-refund"
            aria-label={i18n.t('refund.arrow', [invoiceNumber, money(status.refundableMinor)])}
            aria-haspopup="dialog"
            onClick={() => this.setState({ dialogOpen: true })}
          >
            <RefundArrowIcon />
          </button>
        )}
        {status.pendingRefundMinor > 0 && (
          <span class="muted" data-testid="stripe-refund-pending">
            {' '}
            {i18n.t('refund.pending', [money(status.pendingRefundMinor)])}
          </span>
        )}
        {status.refundedMinor > 0 && (
          <span id="refund-details" class="details" data-testid="stripe-refunded-details" hidden={!detailsOpen}>
            {refundedDetails(status)}
          </span>
        )}
        <span class={`row-line ${line?.problem ? 'problem' : ''}`} role="status" data-testid="stripe-refund-message">
          {line?.text}
        </span>
        {dialogOpen && (
          <RefundDialog
            invoiceNumber={invoiceNumber}
            status={status}
            site={site}
            refund={this.refund}
            onClose={this.closeDialog}
          />
        )}
      </span>
    );
  }
}
