import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { VERSION } from '../../../../shared/version';
import type { Replies } from '../../background/messages';
import { HealthPanel } from '../../components/health-panel';
import { originPattern } from '../../config';
import { i18n } from '../../i18n';
import { askBackground } from '../../utils/ask-background';
import { normaliseWorkerUrl } from '../../utils/worker-address';

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

type WorkerSettings = Replies['worker-url:get'];

/** A self-hoster's own worker address, in builds that offer one (config.ts allowsWorkerAddress). */
function WorkerAddressForm({ settings, apply }: { settings: WorkerSettings; apply: (reply: WorkerReply) => void }) {
  const [draft, setDraft] = useState(settings.override ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = (event: Event) => {
    event.preventDefault();
    if (draft.trim() === '') return void askBackground({ type: 'worker-url:set', url: null }).then(apply);
    const address = normaliseWorkerUrl(draft);
    if (!address.ok) return setError(address.reason);
    setError(null);
    void requestAccess(address.origin)
      .then(() => askBackground({ type: 'worker-url:set', url: address.origin }))
      .then(apply);
  };
  const reset = () => void askBackground({ type: 'worker-url:set', url: null }).then(apply);
  return (
    <>
      <form onSubmit={save}>
        <label for="worker-url-override">{i18n.t('advanced.workerField')}</label>
        <input
          id="worker-url-override"
          type="url"
          placeholder={settings.buildWorkerUrl}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit">{i18n.t('advanced.save')}</button>
        {settings.override && (
          <button type="button" onClick={reset}>
            {i18n.t('advanced.useBuiltIn')}
          </button>
        )}
      </form>
      <p class="hint">{i18n.t('advanced.workerHint')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

type WorkerReply = WorkerSettings | { ok: false; error: { message: string } };

/**
 * Stripe Settings → Advanced, closed by default: the account id, the versions, the worker and its
 * health — what support asks for, kept off the consultant's everyday screen.
 */
export function AdvancedSettings() {
  const [worker, setWorker] = useState<WorkerSettings | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [healthKey, setHealthKey] = useState(0);

  const apply = useCallback((reply: WorkerReply) => {
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    setWorker(reply);
    setHealthKey((key) => key + 1);
  }, []);

  useEffect(() => {
    void askBackground({ type: 'worker-url:get' }).then(apply);
    const loadAccount = () =>
      void askBackground({ type: 'stripe-settings:get' }).then((reply) =>
        setAccountId(reply.ok && reply.account ? reply.account.id : null),
      );
    loadAccount();
    browser.storage.onChanged.addListener(loadAccount);
    return () => browser.storage.onChanged.removeListener(loadAccount);
  }, [apply]);

  return (
    <details class="advanced" data-testid="stripe-advanced">
      <summary data-testid="stripe-advanced-toggle">{i18n.t('advanced.summary')}</summary>
      <p class="hint">{i18n.t('advanced.hint')}</p>
      <dl class="details">
        {accountId && (
          <>
            <dt>{i18n.t('advanced.accountId')}</dt>
            <dd data-testid="stripe-account-id">
              <code>{accountId}</code>
            </dd>
          </>
        )}
        <dt>{i18n.t('advanced.extensionVersion')}</dt>
        <dd>{VERSION}</dd>
        {worker && (
          <>
            <dt>{i18n.t('advanced.worker')}</dt>
            <dd data-testid="worker-url">
              <code>{worker.workerUrl}</code> (
              {worker.override ? i18n.t('advanced.workerOwn') : i18n.t('advanced.workerBuilt')})
            </dd>
          </>
        )}
        <dt>{i18n.t('advanced.connection')}</dt>
        <dd>
          <HealthPanel key={healthKey} checkHealth={checkHealth} />
        </dd>
      </dl>
      {worker?.overrideAllowed && <WorkerAddressForm key={worker.override ?? ''} settings={worker} apply={apply} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
