import { useEffect, useState } from 'preact/hooks';
import type { MessageError } from '../../background/messages';
import type { ExtraSiteSettings, SavedSiteReport } from '../../background/site/site-types';
import { REAL_SITE_ORIGINS, SANDBOX_SITE_ORIGINS, PRODUCTION_MODE } from '../../config';
import { askBackground } from '../../utils/ask-background';
import { addExtraSite, removeExtraSite } from './extra-site-actions';

const builtInSites = (import.meta.env.MODE === PRODUCTION_MODE ? REAL_SITE_ORIGINS : SANDBOX_SITE_ORIGINS).join(', ');

/** Stripe Settings: where the Stripe controls run, and the structure report of a page they did not know. */
export function StripeSiteSection() {
  const [extra, setExtra] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedSiteReport | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const apply = (reply: ExtraSiteSettings | MessageError) => {
    if (!reply.ok) return setError(reply.error.message);
    setError(null);
    setExtra(reply.origin);
    setDraft('');
  };
  useEffect(() => {
    void askBackground({ type: 'extra-site:get' }).then(apply);
    void askBackground({ type: 'site-report:get' }).then((reply) => reply.ok && setSaved(reply.saved));
  }, []);

  const add = (event: Event) => {
    event.preventDefault();
    void addExtraSite(draft).then(apply);
  };
  const copy = () => {
    if (!saved) return;
    navigator.clipboard.writeText(saved.report).then(
      () => setCopied('Copied.'),
      () => setCopied('Could not copy: select the report below and copy it.'),
    );
  };

  return (
    <>
      <section aria-labelledby="site-heading">
        <h2 id="site-heading">Back office</h2>
        <p>Stripe controls run on {builtInSites}.</p>
        {extra ? (
          <p data-testid="extra-site">
            And on your office at <code>{extra}</code>{' '}
            <button type="button" onClick={() => void removeExtraSite().then(apply)}>
              Remove
            </button>
          </p>
        ) : (
          <form onSubmit={add}>
            <label for="extra-site-address">Your office's address, if elsewhere</label>
            <input
              id="extra-site-address"
              type="url"
              placeholder="https://office.example.com"
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
            <button type="submit">Add</button>
          </form>
        )}
        <p class="hint">The browser asks you to allow that one address; removing it takes the permission back.</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Page structure for support</h2>
        {saved ? (
          <>
            <p>
              Stripe controls were last switched off on a page on {new Date(saved.savedAt).toLocaleString()} (missing:{' '}
              {saved.missing.join(', ')}). Send this report to support: it holds the page's layout only, no customer,
              amount or card.
            </p>
            <div class="actions">
              <button type="button" onClick={copy} data-testid="site-report-copy">
                Copy structure report
              </button>{' '}
              {copied}
            </div>
            <textarea readonly rows={6} style="width:100%;font:12px monospace" data-testid="site-report">
              {saved.report}
            </textarea>
          </>
        ) : (
          <p class="hint">Every page has had the layout this version knows.</p>
        )}
      </section>
    </>
  );
}
