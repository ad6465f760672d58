import type { ContentScriptContext } from '../utils/content-script-context';
import { showControlsOff } from '../components/controls-off';
import { missingFeatureShape, runFeatures, type Feature, type FeatureContext } from './registry';

/** Puts up the line saying Stripe controls are off on a page whose layout is unknown; `stop` takes it down. */
export type SwitchOff = (
  context: FeatureContext,
  missing: readonly string[],
  signal: AbortSignal,
) => { stop: () => void };

/**
 * Runs the features for the page, and again for the new URL when the site navigates without a
 * reload (`wxt:locationchange`): features of the old URL are stopped first. Each time, the page is
 * first checked for what those features need; a page that lacks any of it gets no feature at all.
 */
export function runFeaturesOnPage(
  ctx: ContentScriptContext,
  features: readonly Feature[],
  win: Window = window,
  switchOff: SwitchOff = showControlsOff,
): void {
  const start = (url: URL): { stop: () => void } => {
    const context: FeatureContext = { ctx, document: win.document, url };
    const missing = missingFeatureShape(features, context);
    return missing.length > 0 ? switchOff(context, missing, ctx.signal) : runFeatures(features, context, ctx.signal);
  };
  const begin = () => {
    let running = start(new URL(win.location.href));
    ctx.addEventListener(win, 'wxt:locationchange', ({ newUrl }) => {
      running.stop();
      running = start(newUrl);
    });
  };
  // A script that starts with the page (document_start) checks the page's shape once it is parsed,
  // and no later: controls appear at DOMContentLoaded, never on a half-read page.
  if (win.document.readyState === 'loading')
    ctx.addEventListener(win.document, 'DOMContentLoaded', begin, { once: true });
  else begin();
}
