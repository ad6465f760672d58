import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { originPattern, siteMatches, sitePageMatches } from '../../config';
import { i18n } from '../../i18n';
import { sitePageScripts } from '../../site/pages';
import { normaliseSiteAddress } from '../../utils/site-address';
import { messageError, type MessageError } from '../protocol';
import type { ExtraSiteSettings } from './site-types';
import { currentWorkerUrl } from '../settings/worker-url';

// One more back-office address, for a consultant whose office does not run on the site's own
// domain: the browser grants that origin alone (Stripe Settings asks, from the click), and the
// site's content scripts are registered for it here, each on its own kind of page as in the
// manifest. Removing it unregisters them and gives the permission back.

const extraSiteOrigin = storage.defineItem<string | null>('local:extraSiteOrigin', { fallback: null, version: 1 });

const SCRIPT_ID_PREFIX = 'extra-site-';

/** The registrations for `origin`: one per kind of site page, the same file and paths as the manifest's. */
function extraSiteScripts(origin: string) {
  const { protocol, hostname } = new URL(origin);
  return Object.entries(sitePageScripts).map(([name, paths]) => {
    const { matches, excludeMatches } = sitePageMatches(paths, 'extra-site', [`${protocol}//${hostname}`]);
    return {
      id: `${SCRIPT_ID_PREFIX}${name}`,
      js: [`content-scripts/${name}.js`],
      matches,
      excludeMatches,
      runAt: 'document_end' as const,
      persistAcrossSessions: true,
    };
  });
}

/** Match patterns of the added address, for the background's sender check. */
export async function extraSiteMatches(): Promise<string[]> {
  const origin = await extraSiteOrigin.getValue();
  return origin ? [originPattern(origin)] : [];
}

async function unregisterScripts(): Promise<void> {
  const ids = (await browser.scripting.getRegisteredContentScripts())
    .map((script) => script.id)
    .filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
  if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids });
}

/** Gives the origin's permission back, unless the worker lives there too. */
async function dropAccess(origin: string): Promise<void> {
  if (originPattern(origin) === originPattern(await currentWorkerUrl())) return;
  await browser.permissions.remove({ origins: [originPattern(origin)] });
}

export async function extraSiteSettings(): Promise<ExtraSiteSettings> {
  return { ok: true, origin: await extraSiteOrigin.getValue() };
}

export async function setExtraSite(text: string, mode: string): Promise<ExtraSiteSettings | MessageError> {
  const address = normaliseSiteAddress(text, siteMatches(mode));
  if (!address.ok) return messageError('invalid-setting', address.reason);
  if (!(await browser.permissions.contains({ origins: [originPattern(address.origin)] }))) {
    return messageError('invalid-setting', i18n.t('site.notAllowed', [address.origin]));
  }
  const previous = await extraSiteOrigin.getValue();
  await unregisterScripts();
  if (previous && originPattern(previous) !== originPattern(address.origin)) await dropAccess(previous);
  await browser.scripting.registerContentScripts(extraSiteScripts(address.origin));
  await extraSiteOrigin.setValue(address.origin);
  return extraSiteSettings();
}

export async function removeExtraSite(): Promise<ExtraSiteSettings> {
  const previous = await extraSiteOrigin.getValue();
  await unregisterScripts();
  if (previous) await dropAccess(previous);
  await extraSiteOrigin.setValue(null);
  return extraSiteSettings();
}

/**
 * At background start: the registrations follow the setting. A permission the consultant took
 * back in the browser's own settings ends the setting too.
 */
export async function restoreExtraSite(): Promise<void> {
  const origin = await extraSiteOrigin.getValue();
  if (!origin) return unregisterScripts();
  if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) {
    await unregisterScripts();
    await extraSiteOrigin.setValue(null);
    return;
  }
  const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((script) => script.id));
  const missing = extraSiteScripts(origin).filter((script) => !registered.has(script.id));
  if (missing.length > 0) await browser.scripting.registerContentScripts(missing);
}
