import { storage } from 'wxt/utils/storage';

// Extension storage items. Imported by the background only: the consultant token must never reach a
// content script (a convention test enforces that nothing outside src/background/ imports this file).

/** A self-hoster's worker URL chosen in Stripe Settings; null = use the one baked into the build. */
export const workerUrlOverride = storage.defineItem<string | null>('local:workerUrlOverride', {
  fallback: null,
  version: 1,
});

/** The consultant's bearer token for the worker's /api/* (issue 4 fills it after Connect). */
export const consultantToken = storage.defineItem<string | null>('local:consultantToken', {
  fallback: null,
  version: 1,
});
