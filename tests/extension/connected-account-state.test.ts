import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { rememberConnection } from '../../extension/src/background/connect/account-state';
import { handleMessage } from '../../extension/src/background/handle-message';
import { consultantToken, workerUrlOverride } from '../../extension/src/background/storage';
import { contentScriptOn, fakeDeps, optionsPage } from './background-deps';
import { fakeAccount, startFakeWorker, type FakeRoute, type FakeWorker } from './fake-worker-server';

const TOKEN = 'qtsb_accounttokenaccounttokenaccounttokenacc';
const accountPage = 'http://127.0.0.1:8788/account';
const invoicePage = 'http://127.0.0.1:8788/invoices/1042';
let worker: FakeWorker | undefined;

async function connectedTo(route: FakeRoute): Promise<FakeWorker> {
  worker = await startFakeWorker(route);
  await workerUrlOverride.setValue(worker.url);
  await rememberConnection(TOKEN, fakeAccount());
  return worker;
}

const deauthorized: FakeRoute = () => ({
  status: 401,
  body: { error: { code: 'not_connected', message: 'Stripe disconnected — reconnect in Stripe Settings.' } },
});

describe('the connected account', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.openOptionsPage = vi.fn(() => Promise.resolve());
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it('says "never" before any connection', async () => {
    expect(await handleMessage({ type: 'account:status' }, contentScriptOn(invoicePage), fakeDeps())).toEqual({
      ok: true,
      state: 'never',
    });
  });

  it('disconnects at the worker, forgets the token and tells site pages', async () => {
    const w = await connectedTo(() => ({ status: 200, body: fakeAccount({ status: 'disconnected' }) }));
    const reply = await handleMessage({ type: 'account:disconnect' }, optionsPage(), fakeDeps({ fetch }));
    expect(reply).toMatchObject({ ok: true, state: 'disconnected', account: { id: 'acct_1JanesBeautyStudio' } });
    expect(w.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/disconnect']);
    expect(await consultantToken.getValue()).toBeNull();
    expect(await handleMessage({ type: 'account:status' }, contentScriptOn(invoicePage), fakeDeps())).toMatchObject({
      state: 'disconnected',
    });
  });

  it('keeps the connection and says why when the worker cannot disconnect at Stripe', async () => {
    const sentence =
      'Stripe could not be reached, so your account is still connected. Try Disconnect again in a minute.';
    await connectedTo(() => ({ status: 503, body: { error: { code: 'stripe_unavailable', message: sentence } } }));
    const reply = await handleMessage({ type: 'account:disconnect' }, optionsPage(), fakeDeps({ fetch }));
    expect(reply).toEqual({ ok: false, error: { code: 'worker-refused', message: sentence } });
    expect(await consultantToken.getValue()).toBe(TOKEN);
  });

  it('notices Stripe revoked access (401 not_connected) when a site page asks with refresh', async () => {
    await connectedTo(deauthorized);
    const reply = await handleMessage(
      { type: 'account:status', refresh: true },
      contentScriptOn(invoicePage),
      fakeDeps({ fetch }),
    );
    expect(reply).toMatchObject({ ok: true, state: 'disconnected' });
    expect(await consultantToken.getValue()).toBeNull();
  });

  it('keeps what it knew when the worker is down during a refresh', async () => {
    await connectedTo(() => ({ status: 502, body: 'bad gateway' }));
    const reply = await handleMessage({ type: 'account:refresh' }, optionsPage(), fakeDeps({ fetch }));
    expect(reply).toMatchObject({ ok: true, state: 'connected' });
  });

  it('saves the default-gateway choice at the worker and remembers it', async () => {
    const w = await connectedTo((request) => ({
      status: 200,
      body: fakeAccount({
        stripeIsDefaultGateway: (request.body as { stripeIsDefaultGateway: boolean }).stripeIsDefaultGateway,
      }),
    }));
    const reply = await handleMessage(
      { type: 'account:default-gateway', stripeIsDefault: true },
      optionsPage(),
      fakeDeps({ fetch }),
    );
    expect(reply).toMatchObject({ ok: true, account: { stripeIsDefaultGateway: true } });
    expect(w.seen[0]).toMatchObject({ method: 'PUT', path: '/api/settings', body: { stripeIsDefaultGateway: true } });
    expect(await handleMessage({ type: 'stripe-settings:get' }, optionsPage(), fakeDeps())).toMatchObject({
      account: { stripeIsDefaultGateway: true },
    });
  });

  it('refuses the default-gateway choice once Stripe is disconnected, in the same words the site shows', async () => {
    await connectedTo(deauthorized);
    const reply = await handleMessage(
      { type: 'account:default-gateway', stripeIsDefault: true },
      optionsPage(),
      fakeDeps({ fetch }),
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'worker-refused', message: 'Stripe disconnected — reconnect in Stripe Settings.' },
    });
  });

  it("remembers whether the Account tab shows another gateway, for Stripe Settings' default-gateway choice", async () => {
    expect(await handleMessage({ type: 'stripe-settings:get' }, optionsPage(), fakeDeps())).toMatchObject({
      otherGatewayConnected: null,
    });
    expect(
      await handleMessage(
        { type: 'gateways:report', otherGatewayConnected: true },
        contentScriptOn(accountPage),
        fakeDeps(),
      ),
    ).toEqual({ ok: true });
    expect(await handleMessage({ type: 'stripe-settings:get' }, optionsPage(), fakeDeps())).toMatchObject({
      otherGatewayConnected: true,
    });
  });

  it("opens Stripe Settings for the Account tab's entry", async () => {
    expect(await handleMessage({ type: 'stripe-settings:open' }, contentScriptOn(accountPage), fakeDeps())).toEqual({
      ok: true,
    });
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledOnce();
  });
});
