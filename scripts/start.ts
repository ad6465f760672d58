// `npm start`: the whole thing offline — Stripe simulator, worker on local D1, stand-in site, and
// the extension built against them. Ctrl-C stops every process it started.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_OUTPUT } from './lib/extension-output';
import { run, stopAll } from './lib/processes';
import {
  registerOAuthRedirect,
  registerWebhookEndpoint,
  simulatorWorkerVars,
  startSimulator,
  startSite,
} from './lib/sandbox';
import { startWorkerDev } from './lib/worker-dev';

const root = resolve(import.meta.dirname, '..');
const SIM_PORT = Number(process.env.STRIPE_SIM_PORT ?? 12111);
const WORKER_PORT = Number(process.env.WORKER_PORT ?? 8787);
const SITE_PORT = Number(process.env.BACKOFFICE_PORT ?? 8788);

/** .dev.vars when present (your own keys), else the sandbox's defaults from .dev.vars.example. */
function devVars(): Record<string, string> {
  const file = existsSync(join(root, '.dev.vars')) ? '.dev.vars' : '.dev.vars.example';
  const vars: Record<string, string> = {};
  for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) vars[match[1]] = match[2];
  }
  return vars;
}

async function main(): Promise<void> {
  const vars = devVars();
  const secretKey = vars.STRIPE_SECRET_KEY ?? 'sk_test_sandboxqtbridge';
  const webhookSecret = vars.STRIPE_WEBHOOK_SECRET ?? 'whsec_sandboxlocal';
  const simulatorUrl = `http://127.0.0.1:${SIM_PORT}`;
  const workerUrl = `http://127.0.0.1:${WORKER_PORT}`;
  const siteUrl = `http://127.0.0.1:${SITE_PORT}`;

  console.log('Starting the Stripe simulator, the stand-in site and the worker…');
  const [simulator] = await Promise.all([
    startSimulator(SIM_PORT, join(root, '.sandbox-data/stripe-sim.json'), {
      connect: SIM_PORT + 1,
      js: SIM_PORT + 2,
      hooks: SIM_PORT + 3,
    }),
    startSite(SITE_PORT),
  ]);
  await registerWebhookEndpoint(simulatorUrl, workerUrl, webhookSecret);
  await registerOAuthRedirect(simulatorUrl, workerUrl);
  const worker = await startWorkerDev({
    port: WORKER_PORT,
    persistDir: join(root, '.wrangler/state'),
    simulatorOrigin: simulatorUrl,
    secretKey,
    webhookSecret,
    extraVars: simulatorWorkerVars(simulator),
  });
  console.log('Building the extension…');
  await run('npx', ['tsx', join(root, 'scripts/build-extension.ts')], { WXT_WORKER_URL: workerUrl });

  console.log(`
qt-stripe-bridge is running offline.

  Stand-in back office   ${siteUrl}/account   (invoices: ${siteUrl}/invoices/unpaid)
  Worker                 ${worker.url}/health
  Stripe simulator       ${simulatorUrl}      (Stripe sign-in: jane@example.com / sandbox-password)
                         ${simulator.connectUrl} connect.stripe.com · ${simulator.jsUrl} js.stripe.com · ${simulator.hooksUrl} hooks.stripe.com

Load the extension:
  Chrome   chrome://extensions → Developer mode → Load unpacked → ${join(root, EXTENSION_OUTPUT.chrome)}
  Firefox  about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${join(root, EXTENSION_OUTPUT.firefox, 'manifest.json')}

Ctrl-C stops everything.`);
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopAll();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
