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
  // From the start of the page: each control is drawn the moment the site's element it sits beside is
  // parsed, not after DOMContentLoaded; what needs the whole page waits for it (charge-field.tsx).
  runAt: 'document_start',
  main(ctx) {
    runFeaturesOnPage(ctx, invoiceFeatures);
  },
});
