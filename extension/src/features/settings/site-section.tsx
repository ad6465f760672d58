import { useEffect, useState } from 'preact/hooks';
import type { MessageError } from '../../background/messages';
import type { ExtraSiteSettings, SavedSiteReport } from '../../background/site/site-types';
import { REAL_SITE_ORIGINS, SANDBOX_SITE_ORIGINS, PRODUCTION_MODE } from '../../config';
import { i18n } from '../../i18n';
import { askBackground } from '../../utils/ask-background';
import { addExtraSite, removeExtraSite } from './extra-site-actions';

/** The build's own sites as a person reads them ("qtoffice.com"), not as match patterns. */
const builtInSites = (import.meta.env.MODE === PRODUCTION_MODE ? REAL_SITE_ORIGINS : SANDBOX_SITE_ORIGINS)
  .map((origin) => origin.replace(/^https?:\/\/(\*\.)?/, ''))
  .join(', ');

// The site's own date format (01/15/2026 3:04 PM).
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short' });

/** The structure report of the last page the controls did not know; nothing when every page was known. */
function SiteReport({ saved }: { saved: SavedSiteReport }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(saved.report).then(
      () => setCopied(i18n.t('site.reportCopied')),
      () => setCopied(i18n.t('site.reportCopyFailed')),
    );
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{i18n.t('site.reportHeading')}</h2>
      <p>{i18n.t('site.reportSaved', [dateFormat.format(new Date(saved.savedAt)), saved.missing.join(', ')])}</p>
      <div class="actions">
        <button type="button" onClick={() => void copy()} data-testid="site-report-copy">
          {i18n.t('site.reportCopy')}
        </button>
        <span role="status">{copied}</span>
      </div>
      <textarea readonly rows={6} aria-label={i18n.t('site.reportLabel')} data-testid="site-report">
        {saved.report}
      </textarea>
    </section>
  );
}

/** Stripe Settings: where the Stripe controls run, and the structure report of a page they did not know. */
export function StripeSiteSection() {
  const [extra, setExtra] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedSiteReport | null>(null);

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

  return (
    <>
      <section aria-labelledby="site-heading">
        <h2 id="site-heading">{i18n.t('site.heading')}</h2>
        <p>{i18n.t('site.runsOn', [builtInSites])}</p>
        {extra ? (
          <p data-testid="extra-site">
            {i18n.t('site.alsoOn')} <code>{extra}</code>{' '}
            <button type="button" onClick={() => void removeExtraSite().then(apply)}>
              {i18n.t('site.remove')}
            </button>
          </p>
        ) : (
          <form onSubmit={add}>
            <label for="extra-site-address">{i18n.t('site.addressLabel')}</label>
            <input
              id="extra-site-address"
              type="url"
              placeholder="https://office.example.com"
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
            <button type="submit">{i18n.t('site.add')}</button>
          </form>
        )}
        <p class="hint">{i18n.t('site.hint')}</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {saved && <SiteReport saved={saved} />}
    </>
  );
}
