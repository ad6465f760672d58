import { defineContentScript } from 'wxt/utils/define-content-script';
import { sitePageMatches } from '../../config';
import { runFeaturesOnPage } from '../../features/run-on-page';
import { invoiceFeatures } from '../../features/scripts/invoice';
import { invoicePagePaths } from '../../site/pages';

// Rewritten per build mode in wxt.config.ts; worked out here too so the entrypoint reads truthfully.
const { matches, excludeMatches } = sitePageMatches(invoicePagePaths, 'sandbox');

export default defineContentScript({
  matches,
  excludeMatches,
  runAt: 'document_end',
  main(ctx) {
    runFeaturesOnPage(ctx, invoiceFeatures);
  },
});
