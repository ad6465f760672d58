import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Session } from '../../../../shared/api';
import { i18n } from '../../i18n';
import { askBackground } from '../../utils/ask-background';

// The site's own date format (01/15/2026).
const dateFormat = new Intl.DateTimeFormat('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' });

function lastSeen(session: Session): string {
  if (session.current) return i18n.t('browsers.thisBrowser');
  const at = session.lastUsedAt ?? session.createdAt;
  return i18n.t('browsers.lastUsed', [dateFormat.format(new Date(at))]);
}

/**
 * Stripe Settings: every browser signed in to this Stripe account, so a consultant who lost a
 * laptop, or used a shared computer, can sign it out from here. Shown only while connected.
 */
export function SignedInBrowsers() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = (reply: { ok: true; sessions: Session[] } | { ok: false; error: { message: string } }) => {
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setError(null);
    setSessions(reply.sessions);
  };

  useEffect(() => {
    // Connect finishes in another tab; storage is how this page hears of it (as the account section does).
    const load = () => void askBackground({ type: 'sessions:list' }).then(apply);
    load();
    browser.storage.onChanged.addListener(load);
    return () => browser.storage.onChanged.removeListener(load);
  }, []);

  if (!error && (!sessions || sessions.length === 0)) return null;
  return (
    <section aria-labelledby="browsers-heading" data-testid="signed-in-browsers">
      <h2 id="browsers-heading">{i18n.t('browsers.heading')}</h2>
      <p class="hint">{i18n.t('browsers.hint')}</p>
      <ul>
        {(sessions ?? []).map((session) => (
          <li key={session.id}>
            {session.label ?? i18n.t('browsers.aBrowser')} — {lastSeen(session)}{' '}
            {!session.current && (
              <button
                type="button"
                onClick={() => void askBackground({ type: 'sessions:sign-out', id: session.id }).then(apply)}
              >
                {i18n.t('browsers.signOut')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
