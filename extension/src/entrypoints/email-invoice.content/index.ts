import { defineContentScript } from 'wxt/utils/define-content-script';
import { sitePageMatches } from '../../config';
import { runFeaturesOnPage } from '../../features/run-on-page';
import { emailInvoiceFeatures } from '../../features/scripts/email-invoice';
import { emailInvoicePagePaths } from '../../site/pages';

// Rewritten per build mode in wxt.config.ts; worked out here too so the entrypoint reads truthfully.
const { matches, excludeMatches } = sitePageMatches(emailInvoicePagePaths, 'sandbox');

export default defineContentScript({
  matches,
  excludeMatches,
  runAt: 'document_end',
  main(ctx) {
    runFeaturesOnPage(ctx, emailInvoiceFeatures);
  },
});
