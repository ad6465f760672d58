import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectDoneMatches, DEFAULT_WORKER_URL } from '../../config';
import { reportConnectLanding } from '../../features/connect/connect-landing';

export default defineContentScript({
  // Rewritten to the build's worker in wxt.config.ts; listed here so the entrypoint reads truthfully.
  matches: connectDoneMatches(DEFAULT_WORKER_URL),
  runAt: 'document_start',
  main() {
    void reportConnectLanding(window);
  },
});
