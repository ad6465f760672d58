import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { rememberConnection } from '../../extension/src/background/connect/account-state';
import { connectAttempt } from '../../extension/src/background/connect/connect';
import { handleMessage } from '../../extension/src/background/handle-message';
import { consultantToken, workerUrlOverride } from '../../extension/src/background/storage';
import { contentScriptOn, EXTENSION_ID, fakeDeps, optionsPage } from './background-deps';
import { fakeAccount } from './fake-worker-server';

// A site page (or anything pretending to be our content script) must never start, finish or undo a
// connection, and no answer ever carries the token.

const WORKER = 'https://bridge.example.com';
const TOKEN = 'qtsb_secretsecretsecretsecretsecretsecretsec';
const invoicePage = 'http://127.0.0.1:8788/invoices/1042';

function errorCode(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null || !('error' in reply)) return undefined;
  const error = (reply as { error: { code?: unknown } }).error;
  return typeof error.code === 'string' ? error.code : undefined;
}

const neverCalled = () => Promise.reject(new Error('the worker must not be called'));

describe('who may send the Connect messages', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    fakeBrowser.runtime.openOptionsPage = vi.fn(() => Promise.resolve());
    await workerUrlOverride.setValue(WORKER);
    await rememberConnection(TOKEN, fakeAccount());
  });

  it.each([
    ['start a connection', { type: 'connect:start' }],
    ['disconnect Stripe', { type: 'account:disconnect' }],
    ['change the default gateway', { type: 'account:default-gateway', stripeIsDefault: true }],
    ['read what Stripe Settings shows', { type: 'stripe-settings:get' }],
    ['finish a connection with a code', { type: 'connect:done', hash: '#code=stolen_code_stolen_code_stolen' }],
  ])('refuses a site page that tries to %s', async (_name, message) => {
    const deps = fakeDeps({ fetch: vi.fn(neverCalled) });
    const reply = await handleMessage(message, contentScriptOn(invoicePage), deps);
    expect(errorCode(reply)).toBe('forbidden-sender');
    expect(deps.fetch).not.toHaveBeenCalled();
    expect(await consultantToken.getValue()).toBe(TOKEN);
  });

  it.each([
    ['another path on the worker', `${WORKER}/card/abc#code=x`],
    ['/connect/done with a query', `${WORKER}/connect/done?x=1#code=x`],
    ['/connect/done on another origin', 'https://evil.example/connect/done#code=x'],
    ['/connect/done on the worker over http', 'http://bridge.example.com/connect/done#code=x'],
  ])('refuses connect:done from %s', async (_name, url) => {
    const reply = await handleMessage(
      { type: 'connect:done', hash: '#code=stolen_code_stolen_code_stolen' },
      contentScriptOn(url),
      fakeDeps({ fetch: neverCalled }),
    );
    expect(errorCode(reply)).toBe('forbidden-sender');
  });

  it('refuses connect:done from an iframe on /connect/done or a tab now showing another page', async () => {
    const done = `${WORKER}/connect/done#code=x`;
    const hash = '#code=stolen_code_stolen_code_stolen';
    const inFrame = await handleMessage(
      { type: 'connect:done', hash },
      contentScriptOn(done, { frameId: 2 }),
      fakeDeps({ fetch: neverCalled }),
    );
    const otherTab = await handleMessage(
      { type: 'connect:done', hash },
      contentScriptOn(done, { tab: { id: 3, url: 'https://evil.example/' } }),
      fakeDeps({ fetch: neverCalled }),
    );
    const otherExtension = await handleMessage(
      { type: 'connect:done', hash },
      contentScriptOn(done, { id: `${EXTENSION_ID}-evil` }),
      fakeDeps({ fetch: neverCalled }),
    );
    expect([errorCode(inFrame), errorCode(otherTab), errorCode(otherExtension)]).toEqual([
      'forbidden-sender',
      'forbidden-sender',
      'forbidden-sender',
    ]);
  });

  it('takes connect:done from the top frame of exactly <worker>/connect/done', async () => {
    await connectAttempt.setValue(null);
    const reply = await handleMessage(
      { type: 'connect:done', hash: '#error=access_denied' },
      contentScriptOn(`${WORKER}/connect/done#error=access_denied`),
      fakeDeps({ fetch: neverCalled }),
    );
    expect(reply).toEqual({ ok: true });
  });

  it('lets the /connect/done page do nothing else', async () => {
    const reply = await handleMessage(
      { type: 'account:status' },
      contentScriptOn(`${WORKER}/connect/done#code=x`),
      fakeDeps(),
    );
    expect(errorCode(reply)).toBe('forbidden-sender');
  });

  it('lets Stripe Settings start Connect but not pretend to be the landing page', async () => {
    const reply = await handleMessage(
      { type: 'connect:done', hash: '#code=stolen_code_stolen_code_stolen' },
      optionsPage(),
      fakeDeps({ fetch: neverCalled }),
    );
    expect(errorCode(reply)).toBe('forbidden-sender');
  });

  it('tells site pages and Stripe Settings the state without ever handing out the token', async () => {
    const fromSite = await handleMessage({ type: 'account:status' }, contentScriptOn(invoicePage), fakeDeps());
    const fromSettings = await handleMessage({ type: 'stripe-settings:get' }, optionsPage(), fakeDeps());
    expect(fromSite).toMatchObject({ ok: true, state: 'connected', account: { id: 'acct_1JanesBeautyStudio' } });
    expect(JSON.stringify([fromSite, fromSettings])).not.toContain(TOKEN);
  });

  it.each([
    ['a default-gateway choice that is not a boolean', { type: 'account:default-gateway', stripeIsDefault: 'yes' }],
    ['a landing fragment far too long to be ours', { type: 'connect:done', hash: `#code=${'x'.repeat(600)}` }],
    ['a gateway report with extra fields', { type: 'gateways:report', otherGatewayConnected: true, token: 'x' }],
  ])('refuses %s as malformed', async (_name, message) => {
    const reply = await handleMessage(message, optionsPage(), fakeDeps());
    expect(errorCode(reply)).toBe('invalid-message');
  });
});
