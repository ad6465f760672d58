import { defineContentScript } from 'wxt/utils/define-content-script';
import { sitePageMatches } from '../config';
import type { PagePaths } from '../site/pages';
import type { ContentScriptContext } from '../utils/content-script-context';
import type { Feature } from './registry';
import { runFeaturesOnPage } from './run-on-page';

/**
 * The content script of one kind of site page: its paths (from the site adapter) and only its
 * features. The matches are rewritten per build mode in wxt.config.ts; they are worked out here too
 * so an entrypoint reads truthfully.
 */
export function siteContentScript(paths: PagePaths, features: readonly Feature[]) {
  const { matches, excludeMatches } = sitePageMatches(paths, 'sandbox');
  return defineContentScript({
    matches,
    excludeMatches,
    // Evaluated while the page loads, so at DOMContentLoaded only the features' start remains
    // (runFeaturesOnPage waits for the parsed page before checking its shape).
    runAt: 'document_start',
    main(ctx) {
      // WXT constructs our ContentScriptContext here (the alias in wxt.config.ts); its types still name WXT's.
      runFeaturesOnPage(ctx as unknown as ContentScriptContext, features);
    },
  });
}
