import type { FeatureContext } from '../features/registry';
import { findNoticeSlot } from '../site/shape';
import { i18n } from '../i18n';
import { askBackground } from '../utils/ask-background';
import { mountBeside } from './shadow-mount';

const OFF_CSS = `:host{display:block !important;margin:0 0 12px !important}
p{margin:0;color:#6a6a6a;font-size:13px}
button{font:inherit;color:#0969da;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline}`;

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
        () => (button.textContent = i18n.t('controlsOff.copied')),
        () => (button.textContent = i18n.t('controlsOff.copyFailed')),
      );
  };
  mountBeside(ctx, document, AbortSignal.any([signal, controller.signal]), {
    name: 'stripe-controls-off',
    find: findNoticeSlot,
    append: 'first',
    css: OFF_CSS,
    view: () => (
      <p role="status" data-testid="stripe-controls-off">
        {i18n.t('controlsOff.sentence')}{' '}
        <button type="button" onClick={copy} data-testid="stripe-structure-report-copy">
          {i18n.t('controlsOff.copy')}
        </button>
      </p>
    ),
  });
  return { stop: () => controller.abort() };
}
