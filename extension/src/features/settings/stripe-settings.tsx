import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Replies } from '../../background/messages';
import { originPattern } from '../../config';
import { askBackground } from '../../utils/ask-background';
import { normaliseWorkerUrl } from '../../utils/worker-address';
import { HealthPanel } from '../../components/health-panel';
import { PANEL_CSS } from '../../components/panel-styles';
import { SETTINGS_CSS } from './settings-styles';
import { SignedInBrowsers } from '../connect/signed-in-browsers';
import { StripeConnectSection } from '../connect/settings-section';
import { StripeSiteSection } from './site-section';

const checkHealth = () => askBackground({ type: 'health' });

/**
 * Asked here, straight from the click, because browsers let only a user gesture request host
 * access; an origin already granted resolves at once, without a prompt.
 */
async function requestAccess(origin: string): Promise<void> {
  try {
    await browser.permissions.request({ origins: [originPattern(origin)] });
  } catch {
    // Not grantable: the background checks access and says so.
  }
}

/** The options page: the Stripe account, then the worker it goes through. */
export function StripeSettings() {
  const [settings, setSettings] = useState<Replies['worker-url:get'] | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [healthKey, setHealthKey] = useState(0);

  const apply = useCallback((reply: Replies['worker-url:get'] | { ok: false; error: { message: string } }) => {
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setError(null);
    setSettings(reply);
    setDraft(reply.override ?? '');
    setHealthKey((key) => key + 1);
  }, []);

  useEffect(() => {
    void askBackground({ type: 'worker-url:get' }).then(apply);
  }, [apply]);

  const save = (event: Event) => {
    event.preventDefault();
    if (draft.trim() === '') {
      void askBackground({ type: 'worker-url:set', url: null }).then(apply);
      return;
    }
    const address = normaliseWorkerUrl(draft);
    if (!address.ok) {
      setError(address.reason);
      return;
    }
    void requestAccess(address.origin)
      .then(() => askBackground({ type: 'worker-url:set', url: address.origin }))
      .then(apply);
  };
  const reset = () => void askBackground({ type: 'worker-url:set', url: null }).then(apply);

  return (
    <main>
      <style>{SETTINGS_CSS + PANEL_CSS}</style>
      <h1>Stripe Settings</h1>
      <section aria-labelledby="stripe-heading">
        <h2 id="stripe-heading">Stripe account</h2>
        <StripeConnectSection />
      </section>
      <SignedInBrowsers />
      <section aria-labelledby="worker-heading">
        <h2 id="worker-heading">Stripe bridge worker</h2>
        {settings && (
          <p data-testid="worker-url">
            In use: <code>{settings.workerUrl}</code>{' '}
            {settings.override ? '(your own address)' : '(the address this extension was built with)'}
          </p>
        )}
        <form onSubmit={save}>
          <label for="worker-url-override">Your own worker address</label>
          <input
            id="worker-url-override"
            type="url"
            placeholder={settings?.buildWorkerUrl ?? ''}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit">Save</button>
          {settings?.override && (
            <button type="button" onClick={reset}>
              Use the built-in address
            </button>
          )}
        </form>
        <p class="hint">Only if you run your own copy of the worker; leave empty otherwise.</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      <StripeSiteSection />
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">Connection</h2>
        <HealthPanel key={healthKey} checkHealth={checkHealth} />
      </section>
    </main>
  );
}
