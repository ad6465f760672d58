import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { challengeFor, connectAttempt, makeVerifier } from '../../extension/src/background/connect/connect';
import { handleMessage } from '../../extension/src/background/handle-message';
import { consultantToken, workerUrlOverride } from '../../extension/src/background/storage';
import { contentScriptOn, fakeDeps, optionsPage } from './background-deps';
import { closedPortUrl, fakeAccount, startFakeWorker, type FakeRoute, type FakeWorker } from './fake-worker-server';

const TOKEN = 'qtsb_issuedtokenissuedtokenissuedtokenissued';
const CODE = 'onetimecode_onetimecode_onetimecode';
let worker: FakeWorker | undefined;

const healthy: FakeRoute = (request) => {
  if (request.path === '/health') return { status: 200, body: { ok: true, version: '0.1.0' } };
  if (request.path === '/connect/redeem') return { status: 200, body: { token: TOKEN, account: fakeAccount() } };
  return { status: 404, body: { error: { code: 'not_found', message: 'Not found.' } } };
};

async function useWorker(route: FakeRoute = healthy): Promise<FakeWorker> {
  worker = await startFakeWorker(route);
  await workerUrlOverride.setValue(worker.url);
  return worker;
}

/** Tabs the extension opened (the fake browser starts with one blank tab). */
async function openedUrls(): Promise<string[]> {
  return (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
}

/** Stripe Settings clicks Connect; returns the challenge the worker would receive. */
async function startFromSettings(): Promise<string> {
  const reply = await handleMessage({ type: 'connect:start' }, optionsPage(), fakeDeps({ fetch }));
  expect(reply).toEqual({ ok: true });
  const opened = new URL((await openedUrls()).at(-1) ?? '');
  return opened.searchParams.get('challenge') ?? '';
}

/** The content script on the worker's landing page reports the fragment it found. */
function landOnDone(hash: string, url = `${worker?.url}/connect/done`) {
  return handleMessage(
    { type: 'connect:done', hash },
    contentScriptOn(`${url}${hash}`, { tab: { id: 42, url: `${url}${hash}` } }),
    fakeDeps({ fetch }),
  );
}

async function settingsView() {
  return handleMessage({ type: 'stripe-settings:get' }, optionsPage(), fakeDeps());
}

describe('connecting a Stripe account', () => {
  let openOptionsPage: ReturnType<typeof vi.fn<() => Promise<void>>>;
  beforeEach(() => {
    fakeBrowser.reset();
    openOptionsPage = vi.fn<() => Promise<void>>(() => Promise.resolve());
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it('makes a 43-character verifier and its RFC 7636 S256 challenge', async () => {
    expect(makeVerifier()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(makeVerifier()).not.toBe(makeVerifier());
    // The worked example of RFC 7636, appendix B.
    expect(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it("opens the worker's connect page with the challenge of a verifier it keeps", async () => {
    const w = await useWorker();
    const challenge = await startFromSettings();
    expect(await openedUrls()).toEqual([expect.stringMatching(new RegExp(`^${w.url}/connect/start\\?challenge=`))]);
    const attempt = await connectAttempt.getValue();
    expect(challenge).toBe(await challengeFor(attempt?.verifier ?? ''));
  });

  it('says so, and opens nothing, when the worker cannot be reached', async () => {
    await workerUrlOverride.setValue(await closedPortUrl());
    const reply = await handleMessage({ type: 'connect:start' }, optionsPage(), fakeDeps({ fetch }));
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'worker-unreachable', message: expect.stringContaining('worker unreachable') },
    });
    expect(await openedUrls()).toEqual([]);
  });

  it('redeems the code with the verifier, keeps the token, closes the tab and shows Stripe Settings connected', async () => {
    const w = await useWorker();
    await startFromSettings();
    const verifier = (await connectAttempt.getValue())?.verifier;
    const landing = await fakeBrowser.tabs.create({ url: `${w.url}/connect/done#code=${CODE}` });

    const reply = await handleMessage(
      { type: 'connect:done', hash: `#code=${CODE}` },
      contentScriptOn(`${w.url}/connect/done#code=${CODE}`, { tab: { id: landing.id, url: landing.url } }),
      fakeDeps({ fetch }),
    );

    expect(reply).toEqual({ ok: true });
    expect(w.seen.find((r) => r.path === '/connect/redeem')?.body).toEqual({
      code: CODE,
      verifier,
      label: expect.any(String),
    });
    expect(await consultantToken.getValue()).toBe(TOKEN);
    expect(await connectAttempt.getValue()).toBeNull();
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.id)).not.toContain(landing.id);
    expect(openOptionsPage).toHaveBeenCalledOnce();
    expect(await settingsView()).toMatchObject({
      ok: true,
      state: 'connected',
      account: { businessName: "Jane's Beauty Studio" },
      connectFailure: null,
    });
  });

  it.each([
    ['denied on Stripe', 'access_denied'],
    ['the My Shop account refused', 'account_refused'],
    ['an error the extension does not know', 'something_new'],
  ] as const)('shows the sentence for %s and stays unconnected', async (_name, error) => {
    const w = await useWorker();
    await startFromSettings();
    await landOnDone(`#error=${error}`);
    const sentence = {
      access_denied: 'You chose not to connect a Stripe account. Nothing was changed.',
      account_refused:
        'Stripe would not connect that account. If it is the account of your MK My Shop, it is reserved for online Shop orders: connect or create a different Stripe account.',
      something_new: 'Connecting to Stripe did not finish. Please try again.',
    }[error];
    expect(await settingsView()).toMatchObject({ state: 'never', connectFailure: sentence });
    expect(w.seen.some((r) => r.path === '/connect/redeem')).toBe(false);
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('refuses a code that arrives more than 10 minutes after Connect, without redeeming it', async () => {
    const w = await useWorker();
    await startFromSettings();
    const attempt = await connectAttempt.getValue();
    await connectAttempt.setValue({ verifier: attempt?.verifier ?? '', createdAt: Date.now() - 11 * 60_000 });
    await landOnDone(`#code=${CODE}`);
    expect(await settingsView()).toMatchObject({
      state: 'never',
      connectFailure: 'That connection attempt expired. Click Connect Your Stripe Account to start again.',
    });
    expect(w.seen.some((r) => r.path === '/connect/redeem')).toBe(false);
  });

  it("shows the worker's sentence when it refuses the code", async () => {
    const refusal = 'This connection code is unknown, expired or already used. Connect again from Stripe Settings.';
    await useWorker((request) =>
      request.path === '/connect/redeem'
        ? { status: 400, body: { error: { code: 'bad_request', message: refusal } } }
        : healthy(request),
    );
    await startFromSettings();
    await landOnDone(`#code=${CODE}`);
    expect(await settingsView()).toMatchObject({ state: 'never', connectFailure: refusal });
    expect(await consultantToken.getValue()).toBeNull();
  });

  it('uses the verifier once: the same landing page reported twice does not redeem twice', async () => {
    const w = await useWorker();
    await startFromSettings();
    await landOnDone(`#code=${CODE}`);
    await landOnDone(`#code=${CODE}`);
    expect(w.seen.filter((r) => r.path === '/connect/redeem')).toHaveLength(1);
  });

  it('starts a new attempt with the last failure cleared', async () => {
    await useWorker();
    await startFromSettings();
    await landOnDone('#error=access_denied');
    await startFromSettings();
    expect(await settingsView()).toMatchObject({ connectFailure: null });
  });
});
