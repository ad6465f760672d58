import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext, type LocationChange } from '../../extension/src/utils/content-script-context';

// The context every site content script runs in (built in place of WXT's, wxt.config.ts): a newer run
// of the same script in the page ends the older one, and the page cannot end it or fake an address change.

describe('content-script context', () => {
  let page: { href: string };
  beforeEach(() => {
    fakeBrowser.reset();
    page = { href: 'http://127.0.0.1:8788/invoices/1042' };
    vi.stubGlobal('document', new EventTarget());
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('location', page);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('ends an older run of the same script when a newer one starts, and only that script', () => {
    const older = new ContentScriptContext('invoice');
    const other = new ContentScriptContext('invoice-lists');
    const ended = vi.fn();
    older.onInvalidated(ended);
    const newer = new ContentScriptContext('invoice');
    expect(older.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
    expect(newer.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
  });

  it("is not ended by a page that fires the event name WXT's context used", () => {
    const ctx = new ContentScriptContext('invoice');
    document.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: 'x' }));
    document.dispatchEvent(new CustomEvent('invoice:started', { detail: 'x' }));
    expect(ctx.signal.aborted).toBe(false);
  });

  it('removes its listeners when the run ends', () => {
    const ctx = new ContentScriptContext('invoice');
    const target = new EventTarget();
    const heard = vi.fn();
    ctx.addEventListener(target, 'ping', heard);
    target.dispatchEvent(new Event('ping'));
    new ContentScriptContext('invoice');
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('tells of a change of address it hears (back/forward), not of one the page merely announces', () => {
    const ctx = new ContentScriptContext('invoice');
    const changes: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', (event: LocationChange) => changes.push(event.newUrl.pathname));
    window.dispatchEvent(Object.assign(new Event('wxt:locationchange'), { newUrl: new URL('http://x/forged') }));
    page.href = 'http://127.0.0.1:8788/invoices/1043';
    window.dispatchEvent(new Event('popstate'));
    window.dispatchEvent(new Event('popstate'));
    expect(changes).toEqual(['/invoices/1043']);
  });
});
