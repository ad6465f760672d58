import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { VERSION } from '../../../../shared/version';
import { i18n } from '../../i18n';
import { structureReport } from '../../site/structure';
import { messageError, on, type SenderInfo } from '../protocol';
import { extraSiteSettings, removeExtraSite, setExtraSite } from './extra-site';
import type { SavedSiteReport } from './site-types';

// Messages about the site itself: a back-office address the consultant adds in Stripe Settings, and
// the structure report of the last page whose layout this version did not know. Where the extension
// runs is a setting: only Stripe Settings may change or read it.

/** The structure report of the last page whose layout this version did not know, for Stripe Settings. */
const lastSiteReport = storage.defineItem<SavedSiteReport | null>('local:lastSiteReport', {
  fallback: null,
  version: 1,
});

function senderTabId(sender: SenderInfo): number | null {
  const tabId = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof tabId === 'number' ? tabId : null;
}

/** Reads the sender's page in its top frame; the report code runs there, not in every page's content script. */
async function reportOfPage(sender: SenderInfo, missing: string[]): Promise<string | null> {
  const tabId = senderTabId(sender);
  if (tabId === null) return null;
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: structureReport,
    args: [missing, VERSION],
  });
  return typeof result?.result === 'string' ? result.result : null;
}

const fromSettings = ['extension-page'] as const;

/** Each page kind's deferred part (features/deferred.ts), as WXT builds entrypoints/<kind>-deferred.ts. */
const DEFERRED_SCRIPTS = { invoice: '/invoice-deferred.js' } as const;

export const siteMessages = {
  /** From a page whose layout is unknown: the background reads its structure (it runs structureReport in the page). */
  'site-report:make': on(
    z.strictObject({
      type: z.literal('site-report:make'),
      missing: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
    }),
    ['site-page'],
    async (message, _deps, sender) => {
      const report = await reportOfPage(sender, message.missing);
      if (report === null) return messageError('internal', i18n.t('background.pageUnreadable'));
      await lastSiteReport.setValue({ report, missing: message.missing, savedAt: new Date().toISOString() });
      return { ok: true as const, report };
    },
  ),
  /** From a site page's script: the rest of its features, run in its own content-script world. */
  'site:deferred-part': on(
    z.strictObject({ type: z.literal('site:deferred-part'), part: z.enum(['invoice']) }),
    ['site-page'],
    async (message, _deps, sender) => {
      const tabId = senderTabId(sender);
      if (tabId === null) return messageError('internal', i18n.t('background.pageUnreadable'));
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [DEFERRED_SCRIPTS[message.part]],
        // Not held until the page is idle: the consultant may already be at Continue.
        injectImmediately: true,
      });
      return { ok: true as const };
    },
  ),
  'site-report:get': on(z.strictObject({ type: z.literal('site-report:get') }), fromSettings, async () => ({
    ok: true as const,
    saved: await lastSiteReport.getValue(),
  })),
  'extra-site:get': on(z.strictObject({ type: z.literal('extra-site:get') }), fromSettings, () => extraSiteSettings()),
  'extra-site:set': on(
    z.strictObject({ type: z.literal('extra-site:set'), origin: z.string().check(z.maxLength(2048)) }),
    fromSettings,
    (message) => setExtraSite(message.origin, import.meta.env.MODE),
  ),
  'extra-site:remove': on(z.strictObject({ type: z.literal('extra-site:remove') }), fromSettings, () =>
    removeExtraSite(),
  ),
};
