import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runFeatures, type Feature } from './registry';

/**
 * Runs the features for the page, and again for the new URL when the site navigates without a
 * reload (`wxt:locationchange`): features of the old URL are stopped first.
 */
export function runFeaturesOnPage(ctx: ContentScriptContext, features: readonly Feature[], win: Window = window): void {
  const start = (url: URL) => runFeatures(features, { ctx, document: win.document, url }, ctx.signal);
  let running = start(new URL(win.location.href));
  ctx.addEventListener(win, 'wxt:locationchange', ({ newUrl }) => {
    running.stop();
    running = start(newUrl);
  });
}
