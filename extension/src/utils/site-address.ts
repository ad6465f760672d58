import { MatchPattern } from 'wxt/utils/match-patterns';

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
    return { ok: false, reason: 'That is not a web address (expected something like https://office.example.com).' };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return {
      ok: false,
      reason: 'The back-office address must start with https:// (plain http only for 127.0.0.1 or localhost).',
    };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'The back-office address must not contain a user name or password.' };
  if (builtInMatches.some((pattern) => new MatchPattern(pattern).includes(`${url.origin}/`))) {
    return { ok: false, reason: `Stripe controls already run on ${url.hostname}; there is nothing to add.` };
  }
  return { ok: true, origin: url.origin };
}
