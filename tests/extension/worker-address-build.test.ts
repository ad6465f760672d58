import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { fakeDeps, optionsPage } from './background-deps';

/** The background as a production build without WXT_SELF_HOSTED_WORKER loads it. */
async function storeBuildBackground() {
  vi.resetModules();
  vi.stubEnv('MODE', 'production');
  const { handleMessage } = await import('../../extension/src/background/handle-message');
  const { workerUrlOverride } = await import('../../extension/src/background/storage');
  const { BUILD_WORKER_URL, currentWorkerUrl } = await import('../../extension/src/background/settings/worker-url');
  return { handleMessage, workerUrlOverride, BUILD_WORKER_URL, currentWorkerUrl };
}

describe('the self-hosted worker address in a store build', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is refused, so the consultant token only ever goes to the worker the build names', async () => {
    const { handleMessage, workerUrlOverride } = await storeBuildBackground();
    const reply = await handleMessage(
      { type: 'worker-url:set', url: 'https://bridge.example.com' },
      optionsPage(),
      fakeDeps(),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-setting' } });
    expect(await workerUrlOverride.getValue()).toBeNull();
  });

  it('ignores an address saved by another build, and tells Stripe Settings to offer no field', async () => {
    const { handleMessage, workerUrlOverride, BUILD_WORKER_URL, currentWorkerUrl } = await storeBuildBackground();
    await workerUrlOverride.setValue('https://elsewhere.example.com');
    expect(await currentWorkerUrl()).toBe(BUILD_WORKER_URL);
    expect(await handleMessage({ type: 'worker-url:get' }, optionsPage(), fakeDeps())).toMatchObject({
      ok: true,
      workerUrl: BUILD_WORKER_URL,
      override: null,
      overrideAllowed: false,
    });
  });
});
