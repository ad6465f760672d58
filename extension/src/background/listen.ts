import { browser } from 'wxt/browser';
import { originPattern, siteMatches } from '../config';
import { handleMessage } from './handle-message';
import type { BackgroundDeps } from './protocol';

function defaultDeps(): BackgroundDeps {
  return {
    policy: {
      extensionId: browser.runtime.id,
      // The background runs at the extension's own origin (chrome-extension://… / moz-extension://…).
      extensionOrigin: `${globalThis.location.origin}/`,
      siteMatches: siteMatches(import.meta.env.MODE),
    },
    fetch: (input, init) => fetch(input, init),
    hasOriginAccess: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
  };
}

/**
 * Answers through `sendResponse` + `return true` rather than a returned promise: that form works in
 * every Chrome and Firefox version we support.
 */
export function listenForMessages(deps: BackgroundDeps = defaultDeps()): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender, deps).then(sendResponse);
    return true;
  });
}
