import type { MessageError, Replies } from '../../background/messages';

// Styled after the site's own gateway cards (border, radius, padding, heading size) so Stripe sits
// beside ProPay as one of them; the shadow root keeps the two stylesheets apart.
export const ENTRY_CSS = `
:host { display: block !important; }
.gateway { border: 1px solid #e3d5db; border-radius: 6px; padding: 10px 16px; min-width: 300px; box-sizing: border-box;
  font-size: 14px; line-height: 1.5; color: #333; background: #fff; }
h3 { margin: 0 0 6px; font-size: 15px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
dt { color: #666; } dd { margin: 0; }
.connected { color: #1a7f37; } .disconnected { color: #b42318; }
button { font: inherit; color: #a1245f; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
`;

function statusText(status: Replies['account:status'] | MessageError | null): { text: string; tone: string } {
  if (status === null) return { text: 'Checking…', tone: '' };
  if (!status.ok) return { text: status.error.message, tone: 'disconnected' };
  if (status.state === 'connected') return { text: 'Connected', tone: 'connected' };
  if (status.state === 'disconnected')
    return { text: 'Disconnected — reconnect in Stripe Settings', tone: 'disconnected' };
  return { text: 'Not Connected', tone: '' };
}

export interface StripeEntryCardProps {
  status: Replies['account:status'] | MessageError | null;
  onOpenSettings: () => void;
}

/** The Account tab's Stripe gateway card: its state, and the way into Stripe Settings. */
export function StripeEntryCard({ status, onOpenSettings }: StripeEntryCardProps) {
  const { text, tone } = statusText(status);
  const account = status?.ok ? status.account : undefined;
  return (
    <div class="gateway">
      <h3>Stripe</h3>
      <dl>
        <dt>Status</dt>
        <dd class={tone}>{text}</dd>
        {account && status?.ok && status.state === 'connected' && (
          <>
            <dt>Account</dt>
            <dd>
              {account.businessName ?? account.id} ({account.livemode ? 'Live' : 'Test'} mode)
            </dd>
          </>
        )}
      </dl>
      <button type="button" data-testid="stripe-settings" onClick={onOpenSettings}>
        Stripe Settings
      </button>
    </div>
  );
}
