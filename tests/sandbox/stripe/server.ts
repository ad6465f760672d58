/**
 * `npm run sim`: the simulator as a local server on 127.0.0.1 (STRIPE_SIM_PORT, default 12111).
 * Webhooks are delivered with real fetch as soon as they are due; timers follow the wall clock.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import {
  createStripeSimulator,
  DroppedConnection,
  type PersistentSimulator,
  type SimulatorOptions,
  type StripeSimulator,
} from './index.ts';

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? new Uint8Array(Buffer.concat(chunks)) : null;
  return new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers, body, signal });
}

async function respond(sim: StripeSimulator, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) aborted.abort();
  });
  try {
    const response = await sim.fetch(await toRequest(req, origin, aborted.signal));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    res.writeHead(response.status, headers);
    res.end(new Uint8Array(await response.arrayBuffer()));
  } catch (e) {
    // A simulated drop (or a hang the client gave up on) closes the socket without an answer.
    if (e instanceof DroppedConnection || aborted.signal.aborted) {
      req.socket.destroy();
      return;
    }
    console.error('[stripe-sim]', e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } }));
  }
}

export interface RunningSimulator {
  url: string;
  /** The origin standing for connect.stripe.com (OAuth). */
  connectUrl: string;
  /** The origin standing for js.stripe.com (Stripe.js stand-in and its frames). */
  jsUrl: string;
  /** The origin standing for hooks.stripe.com (3-D Secure). */
  hooksUrl: string;
  sim: PersistentSimulator;
  server: Server;
  close(): Promise<void>;
}

/** Keeps the state in `file`: loaded at start, written whenever it changed (checked each request and tick). */
function persist(sim: PersistentSimulator, file: string): () => void {
  if (existsSync(file)) sim.importState(readFileSync(file, 'utf8'));
  let written = '';
  return () => {
    const json = sim.exportState();
    if (json === written) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
    written = json;
  };
}

async function listen(port: number, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actual}` };
}

/** Starts the API origin and those standing for connect., js. and hooks.stripe.com; port 0 picks free ones (tests). */
export async function startSimulatorServer(
  options: {
    port?: number;
    connectPort?: number;
    jsPort?: number;
    hooksPort?: number;
    host?: string;
    autoDeliver?: boolean;
    stateFile?: string;
    deliver?: SimulatorOptions['deliver'];
  } = {},
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 12111;
  const api = await listen(port, host);
  const next = (offset: number, given?: number): number => given ?? (port === 0 ? 0 : port + offset);
  const connect = await listen(next(1, options.connectPort), host);
  const js = await listen(next(2, options.jsPort), host);
  const hooks = await listen(next(3, options.hooksPort), host);
  const listeners = [api, connect, js, hooks];
  const url = api.url;
  const sim = createStripeSimulator({
    publicUrl: url,
    connectUrl: connect.url,
    jsUrl: js.url,
    hooksUrl: hooks.url,
    autoDeliver: options.autoDeliver ?? true,
    ...(options.deliver ? { deliver: options.deliver } : {}),
  });
  const save = options.stateFile ? persist(sim, options.stateFile) : () => {};
  for (const listener of listeners) {
    listener.server.on(
      'request',
      (req: IncomingMessage, res: ServerResponse) => void respond(sim, req, res, listener.url).finally(save),
    );
  }
  // Timers and webhook retries follow the wall clock while serving.
  const ticker = setInterval(() => void sim.clock.advance(0).finally(save), 1000);
  ticker.unref();
  const closeOne = (server: Server) =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return {
    url,
    connectUrl: connect.url,
    jsUrl: js.url,
    hooksUrl: hooks.url,
    sim,
    server: api.server,
    close: async () => {
      clearInterval(ticker);
      save();
      await Promise.all(listeners.map((l) => closeOne(l.server)));
    },
  };
}

const isMain =
  import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('tests/sandbox/stripe/server.ts');
if (isMain) {
  const port = Number(process.env.STRIPE_SIM_PORT ?? 12111);
  const connectPort = Number(process.env.STRIPE_SIM_CONNECT_PORT ?? port + 1);
  const jsPort = Number(process.env.STRIPE_SIM_JS_PORT ?? port + 2);
  const hooksPort = Number(process.env.STRIPE_SIM_HOOKS_PORT ?? port + 3);
  const stateFile = process.env.STRIPE_SIM_STATE_FILE;
  const running = await startSimulatorServer({
    port,
    connectPort,
    jsPort,
    hooksPort,
    ...(stateFile ? { stateFile } : {}),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void running.close().finally(() => process.exit(0)));
  console.log(`Stripe simulator listening on ${running.url}`);
  console.log(`  API      ${running.url}/v1   (any sk_test_… key)`);
  console.log(`  OAuth    ${running.connectUrl}/oauth/authorize   (connect.stripe.com; also on ${running.url})`);
  console.log(`  Stripe.js ${running.jsUrl}/v3/   (js.stripe.com; 3-D Secure on ${running.hooksUrl})`);
  console.log(`  Controls ${running.url}/_sim/  (see tests/sandbox/stripe/README.md)`);
  if (stateFile) console.log(`  State    ${stateFile}`);
}
