// Shapes Stripe Settings shows about the site; a leaf, so the options page imports them as types.

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
