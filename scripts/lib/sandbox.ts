import { join, resolve } from 'node:path';
import { spawnService, waitForHttp, type Service } from './processes';

const root = resolve(import.meta.dirname, '../..');

export interface Started {
  url: string;
  service: Service;
}

export interface StartedSimulator extends Started {
  /** The simulator's stand-in for connect.stripe.com (OAuth). */
  connectUrl: string;
}

/** The Stripe simulator as its own process (`npm run sim`): the API origin and the Connect origin, optionally keeping state in a file. */
export async function startSimulator(port: number, stateFile?: string, connectPort = port + 1): Promise<StartedSimulator> {
  const env: Record<string, string> = { STRIPE_SIM_PORT: String(port), STRIPE_SIM_CONNECT_PORT: String(connectPort) };
  if (stateFile) env.STRIPE_SIM_STATE_FILE = stateFile;
  const service = spawnService('simulator', 'npx', ['tsx', join(root, 'tests/sandbox/stripe/server.ts')], env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/_sim/deliveries`, service);
  return { url, connectUrl: `http://127.0.0.1:${connectPort}`, service };
}

/** [vars] that point the worker at the simulator's own origins (beyond the API origin worker-dev sets). */
export function simulatorWorkerVars(simulator: StartedSimulator): Record<string, string> {
  return { STRIPE_OAUTH_AUTHORIZE_URL: `${simulator.connectUrl}/oauth/authorize` };
}

/** Registers the worker's OAuth redirect URI for the sandbox client id, as the Dashboard's Connect settings would. */
export async function registerOAuthRedirect(simulatorUrl: string, workerUrl: string, clientId = 'ca_sandboxqtbridge'): Promise<void> {
  const res = await fetch(`${simulatorUrl}/_sim/oauth/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, redirect_uris: [`${workerUrl}/connect/callback`] }),
  });
  if (!res.ok) throw new Error(`could not register the OAuth redirect URI with the simulator: ${res.status} ${await res.text()}`);
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
