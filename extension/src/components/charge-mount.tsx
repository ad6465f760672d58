import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CHARGE_CSS } from './charge-styles';
import { mountBeside as mountShadowBeside, type MountOptions as ShadowMountOptions } from './shadow-mount';

export type MountOptions = Omit<ShadowMountOptions, 'css'>;

/** The invoice page's Stripe panels, all in the charge styles (see shadow-mount.tsx). */
export function mountBeside(ctx: ContentScriptContext, doc: Document, signal: AbortSignal, options: MountOptions): void {
  mountShadowBeside(ctx, doc, signal, { ...options, css: CHARGE_CSS });
}
