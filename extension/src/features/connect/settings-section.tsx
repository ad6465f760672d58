import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../../../../shared/api';
import type { MessageError, Replies } from '../../background/messages';
import { askBackground } from '../../utils/ask-background';

const loadView = () => askBackground({ type: 'stripe-settings:get' });

function accountLine(account: AccountSummary): string {
  return `${account.businessName ?? 'Unnamed account'} (${account.id}) · ${account.livemode ? 'Live mode' : 'Test mode'}`;
}

function StatusLine({ view }: { view: Replies['stripe-settings:get'] }) {
  if (view.state === 'connected' && view.account) {
    return (
      <p data-testid="stripe-account-status" data-state="connected">
        <span class="ok">Connected</span> to {accountLine(view.account)}
      </p>
    );
  }
  if (view.state === 'disconnected') {
    return (
      <p data-testid="stripe-account-status" data-state="disconnected">
        <span class="bad">Disconnected.</span>{' '}
        {view.account ? `${accountLine(view.account)} is no longer connected. ` : ''}
        Stripe payments are off until you connect again.
      </p>
    );
  }
  return (
    <p data-testid="stripe-account-status" data-state="never">
      Not connected. Connect a Stripe account to take card payments on your invoices.
    </p>
  );
}

/** Connect, Disconnect and the default-gateway choice; follows the background through storage changes. */
export function StripeConnectSection() {
  const [view, setView] = useState<Replies['stripe-settings:get'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const reply = await loadView();
    if (reply.ok) setView(reply);
    else setError(reply.error.message);
  }, []);

  useEffect(() => {
    // The background finishes Connect in another tab; storage is how this page hears of it.
    const onChanged = () => void refresh();
    browser.storage.onChanged.addListener(onChanged);
    void refresh().then(() => askBackground({ type: 'account:refresh' }));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);

  const act = (run: () => Promise<{ ok: true } | MessageError>) => {
    setBusy(true);
    setError(null);
    void run()
      .then((reply) => {
        if (!reply.ok) setError(reply.error.message);
        return refresh();
      })
      .finally(() => setBusy(false));
  };
  const connect = () => act(() => askBackground({ type: 'connect:start' }));
  const disconnect = () => act(() => askBackground({ type: 'account:disconnect' }));
  const setDefault = (stripeIsDefault: boolean) =>
    act(() => askBackground({ type: 'account:default-gateway', stripeIsDefault }));

  if (!view) return <p>Loading…</p>;
  const connected = view.state === 'connected';
  const failure = error ?? (connected ? null : view.connectFailure);
  return (
    <>
      <StatusLine view={view} />
      <p class="advice" data-testid="stripe-myshop-advice">
        Do not connect the Stripe account you use for your MK My Shop: that account is for online Shop orders only.
        Connect another Stripe account, or create a new one on Stripe's page.
      </p>
      {failure && (
        <p class="error" role="alert" data-testid="stripe-connect-error">
          {failure}
        </p>
      )}
      <div class="actions">
        {connected ? (
          <button type="button" data-testid="stripe-disconnect" disabled={busy} onClick={disconnect}>
            Disconnect
          </button>
        ) : (
          <button type="button" class="primary" data-testid="stripe-connect" disabled={busy} onClick={connect}>
            Connect Your Stripe Account
          </button>
        )}
      </div>
      {connected && view.account && view.otherGatewayConnected === true && (
        <div class="default-gateway">
          <label>
            <input
              type="checkbox"
              data-testid="stripe-default-gateway"
              checked={view.account.stripeIsDefaultGateway}
              disabled={busy}
              onChange={(event) => setDefault(event.currentTarget.checked)}
            />{' '}
            Make Stripe my default payment gateway
          </label>
          <p class="hint" data-testid="stripe-default-gateway-state">
            {view.account.stripeIsDefaultGateway
              ? 'Stripe is your default payment gateway: invoice payment links emailed to your customers use Stripe.'
              : 'Your other gateway stays the default: invoice payment links emailed to your customers use it, not Stripe.'}
          </p>
        </div>
      )}
    </>
  );
}
