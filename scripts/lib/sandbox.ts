import { join, resolve } from 'node:path';
import { spawnService, waitForHttp, type Service } from './processes';

const root = resolve(import.meta.dirname, '../..');

export interface Started {
  url: string;
  service: Service;
}

export interface StartedSimulator extends Started {
  /** The simulator's stand-ins for connect.stripe.com (OAuth), js.stripe.com (Stripe.js) and hooks.stripe.com (3-D Secure). */
  connectUrl: string;
  jsUrl: string;
  hooksUrl: string;
}

export interface SimulatorPorts {
  connect: number;
  js: number;
  hooks: number;
}

/** The Stripe simulator as its own process (`npm run sim`): the API origin and Stripe's other hosts, optionally keeping state in a file. */
export async function startSimulator(
  port: number,
  stateFile?: string,
  ports: SimulatorPorts = { connect: port + 1, js: port + 2, hooks: port + 3 },
): Promise<StartedSimulator> {
  const env: Record<string, string> = {
    STRIPE_SIM_PORT: String(port),
    STRIPE_SIM_CONNECT_PORT: String(ports.connect),
    STRIPE_SIM_JS_PORT: String(ports.js),
    STRIPE_SIM_HOOKS_PORT: String(ports.hooks),
  };
  if (stateFile) env.STRIPE_SIM_STATE_FILE = stateFile;
  const service = spawnService('simulator', 'npx', ['tsx', join(root, 'tests/sandbox/stripe/server.ts')], env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/_sim/deliveries`, service);
  const at = (p: number) => `http://127.0.0.1:${p}`;
  return { url, connectUrl: at(ports.connect), jsUrl: at(ports.js), hooksUrl: at(ports.hooks), service };
}

/** [vars] that point the worker at the simulator's hosts (beyond the API origin worker-dev sets), CSP included. */
export function simulatorWorkerVars(simulator: StartedSimulator): Record<string, string> {
  return {
    STRIPE_OAUTH_AUTHORIZE_URL: `${simulator.connectUrl}/oauth/authorize`,
    STRIPE_JS_URL: `${simulator.jsUrl}/v3/`,
    STRIPE_CSP_SCRIPT_SRC: simulator.jsUrl,
    STRIPE_CSP_FRAME_SRC: `${simulator.jsUrl} ${simulator.hooksUrl}`,
    STRIPE_CSP_CONNECT_SRC: simulator.url,
  };
}

/** Registers the worker's OAuth redirect URI for the sandbox client id, as the Dashboard's Connect settings would. */
export async function registerOAuthRedirect(
  simulatorUrl: string,
  workerUrl: string,
  clientId = 'ca_sandboxqtbridge',
): Promise<void> {
  const res = await fetch(`${simulatorUrl}/_sim/oauth/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, redirect_uris: [`${workerUrl}/connect/callback`] }),
  });
  if (!res.ok)
    throw new Error(`could not register the OAuth redirect URI with the simulator: ${res.status} ${await res.text()}`);
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
  if (!res.ok)
    throw new Error(`could not register the webhook endpoint with the simulator: ${res.status} ${await res.text()}`);
}
