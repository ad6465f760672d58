import { MatchPattern } from 'wxt/utils/match-patterns';
import { i18n } from '../i18n';

// Pure checks on a back-office address a consultant adds in Stripe Settings, shared by the options
// page (to answer before the browser asks for access) and the background (which trusts no page).

export type SiteAddress = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * Only an origin over HTTPS (plain HTTP for this machine only), and not one the extension already
 * runs on (`builtInMatches`, the build's own site patterns).
 */
export function normaliseSiteAddress(text: string, builtInMatches: readonly string[]): SiteAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: i18n.t('address.notAnAddress', ['https://office.example.com']) };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: i18n.t('address.siteHttps') };
  }
  if (url.username || url.password) return { ok: false, reason: i18n.t('address.siteCredentials') };
  if (builtInMatches.some((pattern) => new MatchPattern(pattern).includes(`${url.origin}/`))) {
    return { ok: false, reason: i18n.t('address.siteBuiltIn', [url.hostname]) };
  }
  return { ok: true, origin: url.origin };
}
