import { i18n } from '../i18n';

// Pure checks on a worker address, shared by Stripe Settings (to answer before asking the browser
// for access) and the background (which re-checks: it trusts no page).

export type WorkerAddress = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * The consultant's token travels to this URL, so only an origin (no path, no credentials) over HTTPS
 * is accepted; plain HTTP only for this machine, where a self-hoster runs `wrangler dev`.
 */
export function normaliseWorkerUrl(text: string): WorkerAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: i18n.t('address.notAnAddress', ['https://bridge.example.com']) };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: i18n.t('address.workerHttps') };
  }
  if (url.username || url.password) return { ok: false, reason: i18n.t('address.workerCredentials') };
  return { ok: true, origin: url.origin };
}
