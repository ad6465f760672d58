// Messages about the site itself: a back-office address the consultant adds in Stripe Settings,
// and the structure report of the last page whose layout this version did not know.

export interface SavedSiteReport {
  report: string;
  /** The shape checks the page failed (site/shape.ts). */
  missing: string[];
  /** ISO time it was made. */
  savedAt: string;
}

export interface ExtraSiteSettings {
  ok: true;
  /** The added back-office origin, or null. */
  origin: string | null;
}

export interface SiteMessages {
  /** From a page whose layout is unknown: the background reads its structure (it runs structureReport in the page). */
  'site-report:make': { type: 'site-report:make'; missing: string[] };
  'site-report:get': { type: 'site-report:get' };
  'extra-site:get': { type: 'extra-site:get' };
  'extra-site:set': { type: 'extra-site:set'; origin: string };
  'extra-site:remove': { type: 'extra-site:remove' };
}

export interface SiteReplies {
  'site-report:make': { ok: true; report: string };
  'site-report:get': { ok: true; saved: SavedSiteReport | null };
  'extra-site:get': ExtraSiteSettings;
  'extra-site:set': ExtraSiteSettings;
  'extra-site:remove': ExtraSiteSettings;
}
