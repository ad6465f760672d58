import { join, resolve } from 'node:path';
import { spawnService, waitForHttp, type Service } from './processes';

const root = resolve(import.meta.dirname, '../..');

export interface Started {
  url: string;
  service: Service;
}

/** The Stripe simulator as its own process (`npm run sim`), optionally keeping state in a file. */
export async function startSimulator(port: number, stateFile?: string): Promise<Started> {
  const env: Record<string, string> = { STRIPE_SIM_PORT: String(port) };
  if (stateFile) env.STRIPE_SIM_STATE_FILE = stateFile;
  const service = spawnService('simulator', 'npx', ['tsx', join(root, 'tests/sandbox/stripe/server.ts')], env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/_sim/deliveries`, service);
  return { url, service };
}

/** The stand-in back office (`npm run site`). */
export async function startSite(port: number, dataFile?: string): Promise<Started> {
  const env: Record<string, string> = { BACKOFFICE_PORT: String(port) };
  if (dataFile) env.BACKOFFICE_DATA_FILE = dataFile;
  const service = spawnService('site', 'npx', ['tsx', join(root, 'tests/sandbox/backoffice/server.ts')], env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/account`, service);
  return { url, service };
}

/** Points the simulator's Connect webhooks at the worker, signed with the secret the worker verifies. */
export async function registerWebhookEndpoint(simulatorUrl: string, workerUrl: string, secret: string): Promise<void> {
  const res = await fetch(`${simulatorUrl}/_sim/webhook_endpoints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${workerUrl}/webhooks/stripe`, connect: true, secret }),
  });
  if (!res.ok) throw new Error(`could not register the webhook endpoint with the simulator: ${res.status} ${await res.text()}`);
}
