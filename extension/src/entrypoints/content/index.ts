import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteMatches } from '../../config';
import { allFeatures } from '../../features/all';
import { runFeaturesOnPage } from '../../features/run-on-page';

export default defineContentScript({
  // Rewritten per build mode in wxt.config.ts; listed here so the entrypoint reads truthfully.
  matches: siteMatches('sandbox'),
  runAt: 'document_end',
  main(ctx) {
    runFeaturesOnPage(ctx, allFeatures);
  },
});
