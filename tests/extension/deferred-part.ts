import type { Message } from '../../extension/src/background/messages';
import { provideDeferred } from '../../extension/src/features/deferred';
import { invoiceDeferred } from '../../extension/src/features/scripts/invoice-deferred';

/**
 * What the background does with `site:deferred-part` for an invoice page: runs the page's deferred
 * script in the page's content-script world (background/site/messages.ts), which provides its
 * features' starts. The e2e tests load the built script for real.
 */
export function answerDeferredPart(message: Message): { ok: true } | undefined {
  if (message.type !== 'site:deferred-part') return undefined;
  provideDeferred('invoice', invoiceDeferred);
  return { ok: true };
}

/** A fresh page: nothing deferred has arrived yet. */
export function forgetDeferredParts(): void {
  globalThis.__qsbDeferred = undefined;
}
