import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { VERSION } from '../../../../shared/version';
import { structureReport } from '../../site/structure';
import { extraSiteSettings, removeExtraSite, setExtraSite } from './extra-site';
import { messageError, type MessageError } from '../messages';
import type { SenderInfo } from '../sender';
import type { SavedSiteReport, SiteMessages, SiteReplies } from '../site-messages';

/** The structure report of the last page whose layout this version did not know, for Stripe Settings. */
const lastSiteReport = storage.defineItem<SavedSiteReport | null>('local:lastSiteReport', { fallback: null, version: 1 });

/** Reads the sender's page in its top frame; the report code runs there, not in every page's content script. */
async function reportOfPage(sender: SenderInfo, missing: string[]): Promise<string | null> {
  const tabId = (sender.tab as { id?: unknown } | undefined)?.id;
  if (typeof tabId !== 'number') return null;
  const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: structureReport, args: [missing, VERSION] });
  return typeof result?.result === 'string' ? result.result : null;
}

type SiteHandlers = { [T in keyof SiteMessages]: (message: SiteMessages[T], deps: unknown, sender: SenderInfo) => Promise<SiteReplies[T] | MessageError> };

export const siteHandlers: SiteHandlers = {
  'site-report:make': async (message, _deps, sender) => {
    const report = await reportOfPage(sender, message.missing);
    if (report === null) return messageError('internal', 'The page could not be read.');
    await lastSiteReport.setValue({ report, missing: message.missing, savedAt: new Date().toISOString() });
    return { ok: true, report };
  },
  'site-report:get': async () => ({ ok: true, saved: await lastSiteReport.getValue() }),
  'extra-site:get': async () => extraSiteSettings(),
  'extra-site:set': async (message) => setExtraSite(message.origin, import.meta.env.MODE),
  'extra-site:remove': async () => removeExtraSite(),
};
