import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { accountSummarySchema } from '../../shared/api';
import { accountStatus, rememberConnection } from '../../extension/src/background/connect/account-state';
import { callApi, type ApiRequest } from '../../extension/src/background/worker-client';
import { consultantToken, workerUrlOverride } from '../../extension/src/background/storage';
import { closedPortUrl, fakeAccount, startFakeWorker, type FakeWorker } from './fake-worker-server';

const TOKEN = 'qtsb_0123456789abcdefghijklmnopqrstuvwxyzABCD';
let worker: FakeWorker | undefined;

async function connectedTo(route: Parameters<typeof startFakeWorker>[0]): Promise<FakeWorker> {
  worker = await startFakeWorker(route);
  await workerUrlOverride.setValue(worker.url);
  await rememberConnection(TOKEN, fakeAccount());
  return worker;
}

/** GET /api/account through the typed client. */
const getAccount: ApiRequest = (api, options) => api.account.$get(undefined, options);

describe('calling the worker API', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it('sends the token as a bearer header and returns the parsed answer', async () => {
    const w = await connectedTo(() => ({ status: 200, body: fakeAccount({ stripeIsDefaultGateway: true }) }));
    const result = await callApi(
      (api, options) => api.settings.$put({ json: { stripeIsDefaultGateway: true } }, options),
      accountSummarySchema,
    );
    expect(result).toMatchObject({ ok: true, status: 200, data: { stripeIsDefaultGateway: true } });
    expect(w.seen).toEqual([
      {
        method: 'PUT',
        path: '/api/settings',
        authorization: `Bearer ${TOKEN}`,
        body: { stripeIsDefaultGateway: true },
      },
    ]);
  });

  it('does not call the worker at all before anything was connected', async () => {
    worker = await startFakeWorker(() => ({ status: 200, body: fakeAccount() }));
    await workerUrlOverride.setValue(worker.url);
    const result = await callApi(getAccount, accountSummarySchema);
    expect(result).toMatchObject({ ok: false, code: 'not_connected', status: 401 });
    expect(worker.seen).toEqual([]);
  });

  it('marks the connection disconnected and forgets the token on 401 not_connected', async () => {
    await connectedTo(() => ({
      status: 401,
      body: { error: { code: 'not_connected', message: 'Stripe disconnected — reconnect in Stripe Settings.' } },
    }));
    const result = await callApi(getAccount, accountSummarySchema);
    expect(result).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: 'Stripe disconnected — reconnect in Stripe Settings.',
      status: 401,
    });
    expect(await accountStatus()).toMatchObject({ state: 'disconnected', account: { id: 'acct_1JanesBeautyStudio' } });
    expect(await consultantToken.getValue()).toBeNull();
  });

  it('keeps a newer connection when a 401 for the old token arrives late', async () => {
    const fresh = 'qtsb_freshtokenfreshtokenfreshtokenfreshtok';
    await connectedTo(() => ({ status: 401, body: { error: { code: 'not_connected', message: 'gone' } } }));
    const pending = callApi(getAccount, accountSummarySchema, async (input: RequestInfo | URL, init?: RequestInit) => {
      await rememberConnection(fresh, fakeAccount({ id: 'acct_1JaneDoeConsulting' }));
      return fetch(input, init);
    });
    expect(await pending).toMatchObject({ ok: false, code: 'not_connected' });
    expect(await accountStatus()).toMatchObject({ state: 'connected', account: { id: 'acct_1JaneDoeConsulting' } });
    expect(await consultantToken.getValue()).toBe(fresh);
  });

  it("passes the worker's own error sentence through", async () => {
    const refused = {
      error: { code: 'amount_too_large', message: 'The amount is more than the balance due ($58.46).' },
    };
    await connectedTo(() => ({ status: 400, body: refused }));
    const result = await callApi(getAccount, accountSummarySchema);
    expect(result).toEqual({
      ok: false,
      code: 'amount_too_large',
      message: 'The amount is more than the balance due ($58.46).',
      status: 400,
    });
    expect(await accountStatus()).toMatchObject({ state: 'connected' });
  });

  it('says the worker cannot be reached when nothing listens', async () => {
    const url = await closedPortUrl();
    await workerUrlOverride.setValue(url);
    await rememberConnection(TOKEN, fakeAccount());
    const result = await callApi(getAccount, accountSummarySchema);
    expect(result).toEqual({
      ok: false,
      code: 'worker_unreachable',
      message: `The Stripe bridge worker could not be reached at ${url}.`,
      status: 0,
    });
    expect(await accountStatus()).toMatchObject({ state: 'connected' });
  });

  it('refuses an answer that does not match the contract', async () => {
    await connectedTo(() => ({ status: 200, body: { hello: 'world' } }));
    const result = await callApi(getAccount, accountSummarySchema);
    expect(result).toMatchObject({ ok: false, code: 'bad_response', status: 200 });
  });
});
