import type { MessageError, Replies } from '../../background/messages';
import { i18n } from '../../i18n';

// Styled after the site's own gateway cards (border, radius, padding, heading size, the details list
// and the "… Settings" link) so Stripe sits beside ProPay as one of them; the shadow root keeps the
// two stylesheets apart. Greys are a shade darker than the site's #777/#888, which fail WCAG contrast.
export const ENTRY_CSS = `
:host { display: block !important; }
.gateway { border: 1px solid #e3d5db; border-radius: 6px; padding: 10px 16px; min-width: 300px; box-sizing: border-box;
  font-size: 14px; line-height: 1.45; color: #2b2b2b; background: #fff; }
h3 { margin: 0 0 6px; font-size: 15px; }
dl { display: grid; grid-template-columns: 170px 1fr; gap: 4px 12px; margin: 8px 0; }
dt { color: #666; } dd { margin: 0; }
.connected { color: #217a21; font-weight: bold; } .disconnected { color: #b42318; font-weight: bold; } .never { color: #666; }
button { font: inherit; color: #a1245f; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
button:focus-visible { outline: 2px solid #a1245f; outline-offset: 2px; }
`;

function statusText(status: Replies['account:status'] | MessageError | null): { text: string; tone: string } {
  if (status === null) return { text: i18n.t('entry.checking'), tone: 'never' };
  if (!status.ok) return { text: status.error.message, tone: 'disconnected' };
  if (status.state === 'connected') return { text: i18n.t('entry.connected'), tone: 'connected' };
  if (status.state === 'disconnected') return { text: i18n.t('entry.disconnected'), tone: 'disconnected' };
  return { text: i18n.t('entry.notConnected'), tone: 'never' };
}

export interface StripeEntryCardProps {
  status: Replies['account:status'] | MessageError | null;
  onOpenSettings: () => void;
}

/** The Account tab's Stripe gateway card: its state, and the way into Stripe Settings. */
export function StripeEntryCard({ status, onOpenSettings }: StripeEntryCardProps) {
  const { text, tone } = statusText(status);
  const account = status?.ok && status.state === 'connected' ? status.account : undefined;
  return (
    <div class="gateway">
      <h3>{i18n.t('entry.heading')}</h3>
      <dl>
        <dt>{i18n.t('entry.status')}</dt>
        <dd class={tone}>{text}</dd>
        {account && (
          <>
            <dt>{i18n.t('entry.account')}</dt>
            <dd>
              {i18n.t('entry.accountLine', [
                account.businessName ?? i18n.t('entry.unnamedAccount'),
                i18n.t(account.livemode ? 'mode.live' : 'mode.test'),
              ])}
            </dd>
            <dt>{i18n.t('entry.defaultGateway')}</dt>
            <dd>{i18n.t(account.stripeIsDefaultGateway ? 'entry.yes' : 'entry.no')}</dd>
          </>
        )}
      </dl>
      <button type="button" data-testid="stripe-settings" onClick={onOpenSettings}>
        {i18n.t('entry.settings')}
      </button>
    </div>
  );
}
