export interface WatchHandlers {
  /** The element appeared, or the site replaced it with a new one. */
  onAppear: (element: Element) => void;
  /** The element is gone (the site re-rendered that part of the page). */
  onDisappear: () => void;
}

/**
 * Follows the element `find` returns as the host page changes, with a MutationObserver rather than
 * polling, until `signal` aborts. `find` is an adapter locator, so no selector lives here.
 */
export function watchElement(
  doc: Document,
  find: (root: ParentNode) => Element | null,
  signal: AbortSignal,
  handlers: WatchHandlers,
): void {
  if (signal.aborted) return;
  let current: Element | null = null;
  const check = () => {
    const found = find(doc);
    if (found === current) return;
    if (current) handlers.onDisappear();
    current = found;
    if (found) handlers.onAppear(found);
  };
  const observer = new MutationObserver(check);
  // The document itself: at document_start there may be no documentElement yet.
  observer.observe(doc, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
}
