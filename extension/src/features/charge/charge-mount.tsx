import type { ContentScriptContext } from '../../utils/content-script-context';
import { chargeStore } from './charge-store';
import { CHARGE_CSS } from './charge-styles';
import {
  mountBeside as mountShadowBeside,
  type MountOptions as ShadowMountOptions,
} from '../../components/shadow-mount';

export type MountOptions = Omit<ShadowMountOptions, 'css' | 'rerenderOn'>;

/** The invoice page's Stripe panels, in the charge styles, drawn again whenever the page's charge store changes. */
export function mountBeside(
  ctx: ContentScriptContext,
  doc: Document,
  signal: AbortSignal,
  options: MountOptions,
): void {
  mountShadowBeside(ctx, doc, signal, {
    ...options,
    css: CHARGE_CSS,
    rerenderOn: (listener) => chargeStore(doc).subscribe(listener),
  });
}
