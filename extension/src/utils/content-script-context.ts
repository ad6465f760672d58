import { browser } from 'wxt/browser';

// The lifetime of one run of a site content script: what WXT's ContentScriptContext gives our scripts,
// without its timers, idle callbacks and helpers we never use (~0.8 KB gzip on every site page).
// wxt.config.ts builds WXT's content-script start with this class in place of WXT's own, so the
// contract is the same: constructed with the script's name, aborted when a newer run of the same
// script starts in the page (the extension was updated or reloaded).

/** Fired on `window` when the page's address changes without a reload; carries the new address. */
export type LocationChange = Event & { newUrl: URL; oldUrl: URL };

const LOCATION_CHANGE = 'wxt:locationchange';

export class ContentScriptContext {
  readonly #controller = new AbortController();
  readonly #id = Math.random().toString(36).slice(2);
  readonly #started: string;
  readonly #locationChange: string;
  #watchingLocation = false;

  constructor(contentScriptName: string) {
    // Event names unique to this extension install and script, so neither the page nor another
    // extension can pass for a newer run of it or for a change of address.
    this.#started = `${browser.runtime?.id}:${contentScriptName}:started`;
    this.#locationChange = `${browser.runtime?.id}:${contentScriptName}:${LOCATION_CHANGE}`;
    const onStarted = (event: Event) => {
      if ((event as CustomEvent<unknown>).detail !== this.#id) this.#controller.abort();
    };
    document.dispatchEvent(new CustomEvent(this.#started, { detail: this.#id }));
    document.addEventListener(this.#started, onStarted, { signal: this.signal });
  }

  /** Aborts when this run is over: its listeners, observers and panels go with it. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  onInvalidated(callback: () => void): void {
    this.signal.addEventListener('abort', callback, { once: true });
  }

  /** A listener removed when this run is over; `wxt:locationchange` also starts watching the address. */
  addEventListener(
    target: Window,
    type: typeof LOCATION_CHANGE,
    handler: (event: LocationChange) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: ((event: Event) => void) | ((event: LocationChange) => void),
    options?: AddEventListenerOptions,
  ): void {
    const watched = type === LOCATION_CHANGE;
    if (watched) this.#watchLocation();
    target.addEventListener(watched ? this.#locationChange : type, handler as EventListener, {
      ...options,
      signal: this.signal,
    });
  }

  /**
   * Heard, not polled: the Navigation API where the browser has it (Chromium) tells of every change
   * of address, history.pushState included; elsewhere back/forward and hash changes are heard. The
   * site reloads its pages to navigate (SITE-FACTS.md), so this is a safety net, not a page's start.
   */
  #watchLocation(): void {
    if (this.#watchingLocation) return;
    this.#watchingLocation = true;
    let last = new URL(location.href);
    const check = () => {
      const now = new URL(location.href);
      if (now.href === last.href) return;
      window.dispatchEvent(Object.assign(new Event(this.#locationChange), { newUrl: now, oldUrl: last }));
      last = now;
    };
    const options = { signal: this.signal };
    (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', check, options);
    window.addEventListener('popstate', check, options);
    window.addEventListener('hashchange', check, options);
  }
}
