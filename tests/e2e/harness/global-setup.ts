import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, run, stopAll } from '../../../scripts/lib/processes';
import {
  registerOAuthRedirect,
  registerWebhookEndpoint,
  simulatorWorkerVars,
  startSimulator,
  startSite,
} from '../../../scripts/lib/sandbox';
import { startWorkerDev } from '../../../scripts/lib/worker-dev';
import { EXTENSION_OUTPUT } from '../../../scripts/lib/extension-output';
import type { BrowserName } from './browsers';
import { E2E_SECRET_KEY } from './world';

const root = resolve(import.meta.dirname, '../../..');
const SECRET_KEY = E2E_SECRET_KEY;
const WEBHOOK_SECRET = 'whsec_e2eharnessonly';

/**
 * Starts the world once for all e2e files: simulator, stand-in site and worker on free ports, then
 * builds the extension pointed at that worker. Everything is stopped by process group at the end,
 * whatever the tests did.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'qtsb-e2e-'));
  const teardown = async () => {
    await stopAll();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const [simPort, sitePort, workerPort] = [await freePort(), await freePort(), await freePort()];
    // Stripe's other hosts on ports of their own, so pages load Stripe.js cross-origin as from js.stripe.com.
    const stripeHosts = { connect: await freePort(), js: await freePort(), hooks: await freePort() };
    const workerUrl = `http://127.0.0.1:${workerPort}`;
    const [simulator, site] = await Promise.all([
      startSimulator(simPort, undefined, stripeHosts),
      startSite(sitePort, join(scratch, 'backoffice.json')),
    ]);
    await registerWebhookEndpoint(simulator.url, workerUrl, WEBHOOK_SECRET);
    await registerOAuthRedirect(simulator.url, workerUrl);
    const worker = startWorkerDev({
      port: workerPort,
      persistDir: join(scratch, 'd1'),
      simulatorOrigin: simulator.url,
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      // Every e2e test connects a fresh account from 127.0.0.1; the limits themselves are worker-tested.
      extraVars: { RATE_LIMIT_SCALE: '100', ...simulatorWorkerVars(simulator) },
    });
    const build = run('npx', ['tsx', join(root, 'scripts/build-extension.ts')], { WXT_WORKER_URL: workerUrl });
    await Promise.all([worker, build]);
    const simulatorUrl = simulator.url;
    const siteUrl = site.url;

    const artifactsDir = join(root, 'tests/e2e/artifacts');
    mkdirSync(artifactsDir, { recursive: true });
    const browsers = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
      .split(',')
      .filter((b): b is BrowserName => b === 'chromium' || b === 'firefox');
    // Each run loads its own copy: another run (another worktree user) rebuilding extension/.output
    // for its own worker port must not swap the extension under this run's browsers.
    const built = { chromium: join(root, EXTENSION_OUTPUT.chrome), firefox: join(root, EXTENSION_OUTPUT.firefox) };
    for (const dir of Object.values(built)) if (!existsSync(dir)) throw new Error(`extension build missing: ${dir}`);
    const extensionDirs = {
      chromium: join(scratch, 'extension-chromium'),
      firefox: join(scratch, 'extension-firefox'),
    };
    cpSync(built.chromium, extensionDirs.chromium, { recursive: true });
    cpSync(built.firefox, extensionDirs.firefox, { recursive: true });
    project.provide('e2e', { siteUrl, workerUrl, simulatorUrl, extensionDirs, browsers, artifactsDir });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
