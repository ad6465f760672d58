import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../../../../shared/api';
import type { MessageError, Replies } from '../../background/messages';
import { i18n } from '../../i18n';
import { askBackground } from '../../utils/ask-background';

const loadView = () => askBackground({ type: 'stripe-settings:get' });

/** The account's name and mode; its acct_ id is under Advanced. */
function accountName(account: AccountSummary): string {
  return account.businessName ?? i18n.t('settings.unnamedAccount');
}
const modeName = (account: AccountSummary) => i18n.t(account.livemode ? 'mode.live' : 'mode.test');

function StatusLine({ view }: { view: Replies['stripe-settings:get'] }) {
  if (view.state === 'connected' && view.account) {
    return (
      <p data-testid="stripe-account-status" data-state="connected">
        <span class="ok">{i18n.t('settings.connectedTo')}</span>{' '}
        {i18n.t('settings.connectedAccount', [accountName(view.account), modeName(view.account)])}
      </p>
    );
  }
  if (view.state === 'disconnected') {
    return (
      <p data-testid="stripe-account-status" data-state="disconnected">
        <span class="bad">{i18n.t('settings.disconnected')}</span>{' '}
        {view.account ? `${i18n.t('settings.noLongerConnected', [accountName(view.account)])} ` : ''}
        {i18n.t('settings.paymentsOff')}
      </p>
    );
  }
  return (
    <p data-testid="stripe-account-status" data-state="never">
      {i18n.t('settings.notConnected')}
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

  if (!view) return <p>{i18n.t('settings.loading')}</p>;
  const connected = view.state === 'connected';
  const failure = error ?? (connected ? null : view.connectFailure);
  return (
    <>
      <StatusLine view={view} />
      <p class="advice" data-testid="stripe-myshop-advice">
        {i18n.t('settings.myShopAdvice')}
      </p>
      {failure && (
        <p class="error" role="alert" data-testid="stripe-connect-error">
          {failure}
        </p>
      )}
      <div class="actions">
        {connected ? (
          <button type="button" data-testid="stripe-disconnect" disabled={busy} onClick={disconnect}>
            {i18n.t('settings.disconnect')}
          </button>
        ) : (
          <button type="button" class="primary" data-testid="stripe-connect" disabled={busy} onClick={connect}>
            {i18n.t('settings.connect')}
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
            {i18n.t('settings.makeDefault')}
          </label>
          <p class="hint" data-testid="stripe-default-gateway-state">
            {view.account.stripeIsDefaultGateway ? i18n.t('settings.isDefault') : i18n.t('settings.notDefault')}
          </p>
        </div>
      )}
    </>
  );
}
