import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../extension/src/background/handle-message';
import { workerUrlOverride } from '../../extension/src/background/storage';
import { BUILD_WORKER_URL } from '../../extension/src/background/settings/worker-url';
import { contentScriptOn, fakeDeps, optionsPage } from './background-deps';

const invoicePage = 'http://127.0.0.1:8788/invoices/1001';

function errorCode(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null || !('error' in reply)) return undefined;
  const error = (reply as { error: { code?: unknown } }).error;
  return typeof error.code === 'string' ? error.code : undefined;
}

describe('background messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each([
    ['a string', 'health'],
    ['null', null],
    ['an object without a type', { kind: 'health' }],
    ['an unknown type', { type: 'charge-everything' }],
    ['a prototype key as type', { type: 'constructor' }],
    ['a known type with extra fields', { type: 'health', url: 'https://evil.example' }],
    ['a settings change with a number for the URL', { type: 'worker-url:set', url: 42 }],
  ])('refuses %s as an invalid message', async (_name, raw) => {
    const reply = await handleMessage(raw, optionsPage(), fakeDeps());
    expect(errorCode(reply)).toBe('invalid-message');
  });

  it.each([
    ['another extension', { id: 'someone-else', url: invoicePage, tab: { id: 1 }, frameId: 0 }],
    ['a sender without an id', { url: invoicePage, tab: { id: 1 }, frameId: 0 }],
    ['our content script on a page we do not serve', contentScriptOn('https://evil.example/invoices/1001')],
    ['our content script inside an iframe of the site', contentScriptOn(invoicePage, { frameId: 3 })],
    [
      'a page of another extension origin',
      { id: 'stripe-bridge-test-id', url: 'chrome-extension://other/options.html' },
    ],
  ])('refuses messages from %s', async (_name, sender) => {
    const reply = await handleMessage({ type: 'health' }, sender, fakeDeps());
    expect(errorCode(reply)).toBe('forbidden-sender');
  });

  it("runs a page's deferred part in the asking page's own frame, and nothing a sender names", async () => {
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const reply = await handleMessage(
      { type: 'site:deferred-part', part: 'invoice' },
      contentScriptOn(invoicePage),
      fakeDeps(),
    );
    expect(reply).toEqual({ ok: true });
    expect(run).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 7, frameIds: [0] },
      files: ['/invoice-deferred.js'],
      injectImmediately: true,
    });
    const file = await handleMessage(
      { type: 'site:deferred-part', part: '../options.js' },
      contentScriptOn(invoicePage),
      fakeDeps(),
    );
    expect(errorCode(file)).toBe('invalid-message');
    const settings = await handleMessage({ type: 'site:deferred-part', part: 'invoice' }, optionsPage(), fakeDeps());
    expect(errorCode(settings)).toBe('forbidden-sender');
    expect(run).toHaveBeenCalledOnce();
  });

  it('lets a site page ask for health but not change where the token is sent', async () => {
    const deps = fakeDeps();
    const health = await handleMessage({ type: 'health' }, contentScriptOn(invoicePage), deps);
    expect(health).toMatchObject({ ok: false, reason: expect.stringContaining('unreachable') });
    const change = await handleMessage(
      { type: 'worker-url:set', url: 'https://evil.example' },
      contentScriptOn(invoicePage),
      deps,
    );
    expect(errorCode(change)).toBe('forbidden-sender');
    expect(await workerUrlOverride.getValue()).toBeNull();
  });

  it('lets Stripe Settings override the worker URL and go back to the built-in one', async () => {
    const deps = fakeDeps();
    const before = await handleMessage({ type: 'worker-url:get' }, optionsPage(), deps);
    expect(before).toMatchObject({ ok: true, workerUrl: BUILD_WORKER_URL, override: null });

    const set = await handleMessage(
      { type: 'worker-url:set', url: ' https://bridge.example.com/some/path ' },
      optionsPage(),
      deps,
    );
    expect(set).toMatchObject({
      ok: true,
      workerUrl: 'https://bridge.example.com',
      override: 'https://bridge.example.com',
    });

    const cleared = await handleMessage({ type: 'worker-url:set', url: null }, optionsPage(), deps);
    expect(cleared).toMatchObject({ ok: true, workerUrl: BUILD_WORKER_URL, override: null });
  });

  it.each([
    ['plain http to another machine', 'http://bridge.example.com'],
    ['credentials in the address', 'https://user:pw@bridge.example.com'],
    ['something that is not an address', 'bridge dot example'],
  ])('refuses a worker URL with %s', async (_name, url) => {
    const reply = await handleMessage({ type: 'worker-url:set', url }, optionsPage(), fakeDeps());
    expect(errorCode(reply)).toBe('invalid-setting');
    expect(await workerUrlOverride.getValue()).toBeNull();
  });

  it('refuses a worker URL the browser has not granted access to', async () => {
    const deps = fakeDeps({ hasOriginAccess: () => Promise.resolve(false) });
    const reply = await handleMessage(
      { type: 'worker-url:set', url: 'https://bridge.example.com' },
      optionsPage(),
      deps,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-setting', message: expect.stringContaining('did not allow') },
    });
  });
});
