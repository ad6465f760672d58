import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from '../utils/content-script-context';
import { watchElement } from '../utils/watch-element';

// One small mount helper for every panel we put on the site's pages. It does what WXT's
// createShadowRootUi did for us (an open shadow root, the site's CSS reset at the host, removal when
// the extension goes away) without the ~4 KB gzip of generic positioning and auto-mount code that
// every site page had to load.

export type Placement = 'after' | 'before' | 'first' | 'last';

export interface ShadowUi {
  /** The element inside the shadow root that components render into. */
  container: HTMLElement;
  remove: () => void;
}

/** Custom-element style tag name (two words, kebab-case), so a shadow root can be attached to it. */
export function mountShadow(
  ctx: ContentScriptContext,
  anchor: Element,
  name: string,
  append: Placement,
  css: string,
  view: ComponentChild,
): ShadowUi {
  const doc = anchor.ownerDocument;
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  // The site's styles must not reach in; ours start from nothing, as WXT's reset did, except the
  // font, which is the site's own so our controls read like its fields. `css` must mark its :host
  // declarations !important: the reset, and any site rule that reaches the host, beat normal ones.
  style.textContent = `:host{all:initial !important;font:inherit !important}${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  if (append === 'after') anchor.after(host);
  else if (append === 'before') anchor.before(host);
  else if (append === 'first') anchor.prepend(host);
  else anchor.append(host);
  render(view, container);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    render(null, container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  return { container, remove };
}

export interface MountOptions {
  name: string;
  /** An adapter locator: where on the site's page the UI goes. */
  find: (root: ParentNode) => Element | null;
  append: Placement;
  css: string;
  view: () => ComponentChild;
  /**
   * Subscribes to whatever the view shows; the view is rendered again on each change. Panels
   * re-render from here instead of through preact/hooks, which keeps hooks out of the content script.
   */
  rerenderOn?: (listener: () => void) => () => void;
}

/**
 * Keeps a shadow-root UI beside the element `find` returns, following the site as it re-renders,
 * until `signal` aborts.
 */
export function mountBeside(
  ctx: ContentScriptContext,
  doc: Document,
  signal: AbortSignal,
  options: MountOptions,
): void {
  let ui: ShadowUi | undefined;
  const unmount = () => {
    ui?.remove();
    ui = undefined;
  };
  signal.addEventListener('abort', unmount, { once: true });
  const unsubscribe = options.rerenderOn?.(() => {
    if (ui) render(options.view(), ui.container);
  });
  if (unsubscribe) signal.addEventListener('abort', unsubscribe, { once: true });
  watchElement(doc, options.find, signal, {
    onAppear: (anchor) => {
      unmount();
      ui = mountShadow(ctx, anchor, options.name, options.append, options.css, options.view());
    },
    onDisappear: unmount,
  });
}
