import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../../../shared/api';
import { askBackground } from '../../utils/ask-background';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function lastSeen(session: Session): string {
  if (session.current) return 'this browser';
  const at = session.lastUsedAt ?? session.createdAt;
  return `last used ${dateFormat.format(new Date(at))}`;
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
    void askBackground({ type: 'sessions:list' }).then(apply);
  }, []);

  if (!error && (!sessions || sessions.length === 0)) return null;
  return (
    <section aria-labelledby="browsers-heading" data-testid="signed-in-browsers">
      <h2 id="browsers-heading">Signed-in browsers</h2>
      <p class="hint">
        Each browser that connected to your Stripe account. A browser unused for 180 days is signed out by itself.
      </p>
      <ul>
        {(sessions ?? []).map((session) => (
          <li key={session.id}>
            {session.label ?? 'A browser'} — {lastSeen(session)}{' '}
            {!session.current && (
              <button
                type="button"
                onClick={() => void askBackground({ type: 'sessions:sign-out', id: session.id }).then(apply)}
              >
                Sign out
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
