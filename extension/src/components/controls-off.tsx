import type { FeatureContext } from '../features/registry';
import { findNoticeSlot } from '../site/shape';
import { askBackground } from '../utils/ask-background';
import { mountBeside } from './shadow-mount';

const OFF_CSS = `:host{display:block !important;margin:0 0 12px !important}
p{margin:0;color:#6a6a6a;font-size:13px}
button{font:inherit;color:#0969da;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline}`;

/** The words a consultant sees instead of Stripe controls. */
export const CONTROLS_OFF_SENTENCE =
  'Stripe controls are off on this page because it does not look the way this version of the extension expects.';

/**
 * The one quiet line a page of unknown layout gets instead of Stripe controls, with its structure
 * report to copy for support; the report is also kept for Stripe Settings, where it can be copied
 * when this page's clipboard is not available.
 */
export function showControlsOff(
  { ctx, document }: FeatureContext,
  missing: readonly string[],
  signal: AbortSignal,
): { stop: () => void } {
  const controller = new AbortController();
  // The background reads the page's structure (and keeps it for Stripe Settings).
  const report = askBackground({ type: 'site-report:make', missing: [...missing] });
  const copy = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    report
      .then((reply) =>
        reply.ok ? navigator.clipboard.writeText(reply.report) : Promise.reject(new Error(reply.error.message)),
      )
      .then(
        () => (button.textContent = 'Copied'),
        () => (button.textContent = 'Could not copy here: copy it from Stripe Settings'),
      );
  };
  mountBeside(ctx, document, AbortSignal.any([signal, controller.signal]), {
    name: 'stripe-controls-off',
    find: findNoticeSlot,
    append: 'first',
    css: OFF_CSS,
    view: () => (
      <p role="status" data-testid="stripe-controls-off">
        {CONTROLS_OFF_SENTENCE}{' '}
        <button type="button" onClick={copy} data-testid="stripe-structure-report-copy">
          Copy the page's structure for support
        </button>
      </p>
    ),
  });
  return { stop: () => controller.abort() };
}
