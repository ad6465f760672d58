import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideDeferred } from '../features/deferred';
import { invoiceDeferred } from '../features/scripts/invoice-deferred';

// Run by the background in an invoice page's content-script world when the page asks for it
// (features/deferred.ts); built to use the invoice script's Preact and store (wxt.config.ts).
export default defineUnlistedScript(() => provideDeferred('invoice', invoiceDeferred));
