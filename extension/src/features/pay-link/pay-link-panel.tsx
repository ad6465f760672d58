import { Component } from 'preact';
import { SITE_BUTTON_CSS } from '../../components/site-buttons';
import type { MessageError, Replies } from '../../background/messages';
import { i18n } from '../../i18n';

export const PAY_LINK_CSS = `${SITE_BUTTON_CSS}
:host{display:block !important;margin:8px 0 !important;font-size:13px !important;line-height:1.4 !important;color:#2b2b2b !important}
a{color:#0969da;word-break:break-all}
.problem{color:#cf222e}
`;

type Reply = Replies['pay-links:create'] | MessageError;

interface State {
  busy: boolean;
  url: string | null;
  copied: boolean;
  problem: string | null;
}

/** "Stripe payment link": asks for the invoice's link, then shows it to copy into a message to the customer. */
export class PayLinkPanel extends Component<{ getLink: () => Promise<Reply> }, State> {
  override state: State = { busy: false, url: null, copied: false, problem: null };

  private get = async () => {
    this.setState({ busy: true, problem: null, copied: false });
    const reply = await this.props.getLink();
    if (reply.ok) this.setState({ busy: false, url: reply.url });
    else this.setState({ busy: false, problem: 'error' in reply ? reply.error.message : reply.message });
  };

  private copy = async () => {
    if (!this.state.url) return;
    try {
      await navigator.clipboard.writeText(this.state.url);
      this.setState({ copied: true });
    } catch {
      this.setState({ problem: i18n.t('payLink.copyFailed') });
    }
  };

  override render() {
    const { busy, url, copied, problem } = this.state;
    return (
      <div>
        <button type="button" class="btn secondary" data-testid="stripe-pay-link" disabled={busy} onClick={this.get}>
          {i18n.t(busy ? 'payLink.getting' : 'payLink.get')}
        </button>{' '}
        {url && (
          <span>
            <a href={url} target="_blank" rel="noreferrer" data-testid="stripe-pay-link-url">
              {url}
            </a>{' '}
            <button type="button" class="btn small secondary" data-testid="stripe-pay-link-copy" onClick={this.copy}>
              {i18n.t(copied ? 'payLink.copied' : 'payLink.copy')}
            </button>
          </span>
        )}
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }
}
