import { browser } from 'wxt/browser';
import { messageError, type MessageError } from '../../background/messages';
import type { ExtraSiteSettings } from '../../background/site/site-types';
import { originPattern, siteMatches } from '../../config';
import { i18n } from '../../i18n';
import { askBackground } from '../../utils/ask-background';
import { normaliseSiteAddress } from '../../utils/site-address';

/**
 * Adds one back-office address. The browser is asked for that origin alone, straight from the
 * consultant's click (only a user gesture may ask); the background then checks the grant and
 * registers the site's content scripts there.
 */
export async function addExtraSite(text: string): Promise<ExtraSiteSettings | MessageError> {
  const address = normaliseSiteAddress(text, siteMatches(import.meta.env.MODE));
  if (!address.ok) return messageError('invalid-setting', address.reason);
  let granted = false;
  try {
    granted = await browser.permissions.request({ origins: [originPattern(address.origin)] });
  } catch {
    // Not grantable (outside the optional patterns): said below like a refusal.
  }
  if (!granted) return messageError('invalid-setting', i18n.t('site.notAllowed', [address.origin]));
  return askBackground({ type: 'extra-site:set', origin: address.origin });
}

/** Removes it: the background unregisters the scripts and gives the permission back. */
export function removeExtraSite(): Promise<ExtraSiteSettings | MessageError> {
  return askBackground({ type: 'extra-site:remove' });
}
