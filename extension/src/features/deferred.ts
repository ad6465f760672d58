import type { Feature } from './registry';
import { askBackground } from '../utils/ask-background';

// A page's content script carries only what the page needs at DOMContentLoaded: the Stripe field, the
// checks of the page's shape and the guards on the site's own buttons. The rest of a feature (what
// waits for a worker answer or for a click: the Confirm step, the history, the pay link, the health
// line) comes in a second script that the background runs in the same content-script world when the
// page asks (entrypoints/<page>-deferred.ts). That script is built to take Preact, the page's store
// and the helpers both use from the page's script (features/scripts/<page>-shared.ts, read by
// scripts/lib/deferred-externals.ts), so a page has one of each.

/** What a deferred part does for one feature: the feature's own start. */
export type DeferredStart = Feature['init'];
/** A page kind's deferred starts, by feature id. */
export type DeferredStarts = Readonly<Record<string, DeferredStart>>;
/** The page kinds with a deferred part (the background knows their files: DEFERRED_SCRIPTS in background/site/messages.ts). */
export type DeferredPart = 'invoice';

/** The modules the deferred part uses from the page's script, by the names its build gives them. */
export type SharedWithDeferred = Readonly<Record<string, unknown>>;

declare global {
  // Globals of the content-script world only: the page's own scripts never see them.
  var __qsbShared: SharedWithDeferred | undefined;
  var __qsbDeferred: Partial<Record<DeferredPart, DeferredStarts>> | undefined;
}

export function shareWithDeferred(shared: SharedWithDeferred): void {
  globalThis.__qsbShared = shared;
}

/** Called by the deferred script once it runs (and by tests that load its features directly). */
export function provideDeferred(part: DeferredPart, starts: DeferredStarts): void {
  globalThis.__qsbDeferred = { ...globalThis.__qsbDeferred, [part]: starts };
}

const arriving = new Map<DeferredPart, Promise<DeferredStarts>>();

/** The page kind's deferred part, asked of the background once per page (again after a failure). */
function deferredStarts(part: DeferredPart): Promise<DeferredStarts> {
  const present = globalThis.__qsbDeferred?.[part];
  if (present) return Promise.resolve(present);
  let pending = arriving.get(part);
  if (!pending) {
    pending = askBackground({ type: 'site:deferred-part', part }).then((reply) => {
      const starts = globalThis.__qsbDeferred?.[part];
      if (!reply.ok) throw new Error(reply.error.message);
      if (!starts) throw new Error(`The ${part} page's deferred script ran but provided nothing`);
      return starts;
    });
    // Only while on its way: once provided, the global answers; after a failure, the next feature asks again.
    const settled = () => void arriving.delete(part);
    pending.then(settled, settled);
    arriving.set(part, pending);
  }
  return pending;
}

/** A feature's start that lives in the page kind's deferred part. */
export function deferredStart(part: DeferredPart, id: string): DeferredStart {
  return async (signal, context) => {
    const start = (await deferredStarts(part))[id];
    if (!start) throw new Error(`The ${part} page's deferred script has no "${id}"`);
    if (!signal.aborted) await start(signal, context);
  };
}
