import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { watchElement } from '../utils/watch-element';
import { CHARGE_CSS } from './charge-styles';

export interface MountOptions {
  name: string;
  /** An adapter locator: where on the site's page the UI goes. */
  find: (root: ParentNode) => Element | null;
  append: 'after' | 'last' | 'first';
  view: () => ComponentChild;
}

/**
 * Keeps a shadow-root UI beside the element `find` returns, following the site as it re-renders,
 * until `signal` aborts.
 */
export function mountBeside(ctx: ContentScriptContext, doc: Document, signal: AbortSignal, options: MountOptions): void {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let mounting = 0;
  const unmount = () => {
    mounting += 1;
    ui?.remove();
    ui = undefined;
  };
  signal.addEventListener('abort', unmount, { once: true });
  watchElement(doc, options.find, signal, {
    onAppear: (anchor) => {
      unmount();
      const attempt = mounting;
      void createShadowRootUi(ctx, {
        name: options.name,
        position: 'inline',
        anchor,
        append: options.append,
        css: CHARGE_CSS,
        onMount: (container) => {
          render(options.view(), container);
          return container;
        },
        onRemove: (container) => {
          if (container) render(null, container);
        },
      }).then((created) => {
        if (attempt !== mounting || signal.aborted) return;
        ui = created;
        created.mount();
      });
    },
    onDisappear: unmount,
  });
}
