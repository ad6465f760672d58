import { run, spawnService, waitForHttp, type Service } from './processes';

export interface WorkerDevOptions {
  port: number;
  persistDir: string;
  simulatorOrigin: string;
  secretKey: string;
  webhookSecret: string;
  /** Extra [vars] for this run (e.g. RATE_LIMIT_SCALE for a test suite that connects many times). */
  extraVars?: Record<string, string>;
}

/**
 * The worker under `wrangler dev` on local D1: migrations applied first, then vars pointing the
 * stripe SDK, OAuth and Stripe.js at the simulator. Used by `npm start` and the e2e harness alike.
 */
export async function startWorkerDev(o: WorkerDevOptions): Promise<{ url: string; service: Service }> {
  await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', o.persistDir]);
  const sim = new URL(o.simulatorOrigin);
  const url = `http://127.0.0.1:${o.port}`;
  const vars: Record<string, string> = {
    STRIPE_API_HOST: sim.hostname,
    STRIPE_API_PORT: sim.port || (sim.protocol === 'https:' ? '443' : '80'),
    STRIPE_API_PROTOCOL: sim.protocol.replace(':', ''),
    STRIPE_OAUTH_AUTHORIZE_URL: `${sim.origin}/oauth/authorize`,
    STRIPE_JS_URL: `${sim.origin}/v3/`,
    PUBLIC_URL: url,
    STRIPE_SECRET_KEY: o.secretKey,
    STRIPE_WEBHOOK_SECRET: o.webhookSecret,
    ...o.extraVars,
  };
  const args = [
    'wrangler',
    'dev',
    '--port',
    String(o.port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    o.persistDir,
    '--show-interactive-dev-session=false',
  ];
  for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`);
  const service = spawnService('worker', 'npx', args);
  await waitForHttp(`${url}/health`, service);
  return { url, service };
}
