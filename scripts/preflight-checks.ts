// `npm run preflight`: what is wrong with a production configuration, in words, before deploying.
// Offline: it reads the configuration only, and never prints a secret.

/** The [vars], secrets and D1 id a deployment would run with. */
export interface DeployConfig {
  vars: Record<string, string>;
  secrets: Record<string, string | undefined>;
  d1DatabaseId: string | null;
}

const PLACEHOLDER_D1_ID = '00000000-0000-0000-0000-000000000000';
const SANDBOX_CLIENT_ID = 'ca_sandboxqtbridge';

/** Stripe's documented hosts a page loading Stripe.js must allow (same list as worker/src/pages/element-page.ts). */
const STRIPE_CSP = {
  STRIPE_CSP_SCRIPT_SRC: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  STRIPE_CSP_FRAME_SRC: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  STRIPE_CSP_CONNECT_SRC: ['https://api.stripe.com'],
} as const;

function modeOf(key: string | undefined): 'live' | 'test' | null {
  if (!key) return null;
  if (/^(sk|pk|rk)_live_/.test(key)) return 'live';
  if (/^(sk|pk|rk)_test_/.test(key)) return 'test';
  return null;
}

function httpsOrigin(value: string | undefined): URL | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Every problem found, each a sentence that says what to change; empty when the configuration is ready. */
export function preflightProblems(config: DeployConfig): string[] {
  const { vars, secrets } = config;
  const problems: string[] = [];
  const secretKey = secrets.STRIPE_SECRET_KEY;
  const secretMode = modeOf(secretKey);
  if (!secretKey)
    problems.push(
      "STRIPE_SECRET_KEY is not set: put the platform's secret key with `npx wrangler secret put STRIPE_SECRET_KEY` (and give it to preflight).",
    );
  else if (!secretMode || !/^(sk|rk)_/.test(secretKey))
    problems.push('STRIPE_SECRET_KEY is not a Stripe secret key (sk_live_… or sk_test_…).');
  const publishableMode = modeOf(vars.STRIPE_PUBLISHABLE_KEY);
  if (!vars.STRIPE_PUBLISHABLE_KEY?.startsWith('pk_') || !publishableMode)
    problems.push('STRIPE_PUBLISHABLE_KEY is not a Stripe publishable key (pk_live_… or pk_test_…).');
  else if (secretMode && publishableMode !== secretMode) {
    problems.push(
      `The keys are of two modes: the secret key is a ${secretMode}-mode key and the publishable key a ${publishableMode}-mode one. Use both keys of one mode.`,
    );
  }
  if (secretMode === 'test')
    problems.push(
      'The secret key is a test-mode key: a production deployment charges real cards only with sk_live_ and pk_live_ keys.',
    );

  const webhookSecret = secrets.STRIPE_WEBHOOK_SECRET;
  if (!webhookSecret)
    problems.push(
      "STRIPE_WEBHOOK_SECRET is not set: copy the Connect endpoint's signing secret (whsec_…) and `npx wrangler secret put STRIPE_WEBHOOK_SECRET`.",
    );
  else if (!webhookSecret.startsWith('whsec_'))
    problems.push('STRIPE_WEBHOOK_SECRET is not a webhook signing secret (it starts with whsec_).');

  const publicUrl = httpsOrigin(vars.PUBLIC_URL);
  if (!publicUrl)
    problems.push(
      `PUBLIC_URL must be the worker's https:// address (it is "${vars.PUBLIC_URL ?? ''}"): Stripe redirects consultants there and customers open links on it.`,
    );
  else if (publicUrl.pathname !== '/' || vars.PUBLIC_URL?.endsWith('/'))
    problems.push('PUBLIC_URL must be an origin without a path or trailing slash, e.g. https://pay.example.com.');
  if (publicUrl && ['localhost', '127.0.0.1'].includes(publicUrl.hostname))
    problems.push("PUBLIC_URL points at this machine; use the worker's public host.");

  const clientId = vars.STRIPE_CONNECT_CLIENT_ID;
  if (!clientId?.startsWith('ca_'))
    problems.push(
      "STRIPE_CONNECT_CLIENT_ID must be the platform's Connect client id (ca_…, Dashboard → Settings → Connect → Onboarding options → OAuth).",
    );
  else if (clientId === SANDBOX_CLIENT_ID)
    problems.push(
      "STRIPE_CONNECT_CLIENT_ID is the sandbox's client id; use your platform's ca_ id (its live-mode one with live keys).",
    );
  if (vars.STRIPE_OAUTH_AUTHORIZE_URL !== 'https://connect.stripe.com/oauth/authorize')
    problems.push('STRIPE_OAUTH_AUTHORIZE_URL must be https://connect.stripe.com/oauth/authorize.');

  if (
    vars.STRIPE_API_HOST !== 'api.stripe.com' ||
    vars.STRIPE_API_PORT !== '443' ||
    vars.STRIPE_API_PROTOCOL !== 'https'
  ) {
    problems.push(
      "The API must be Stripe's: STRIPE_API_HOST=api.stripe.com, STRIPE_API_PORT=443, STRIPE_API_PROTOCOL=https.",
    );
  }
  if (vars.STRIPE_JS_URL !== 'https://js.stripe.com/v3/')
    problems.push('STRIPE_JS_URL must be https://js.stripe.com/v3/ (Stripe.js is always loaded from Stripe).');
  for (const [name, hosts] of Object.entries(STRIPE_CSP)) {
    const value = vars[name];
    if (value === undefined || value === '') continue;
    const listed = value.split(/\s+/);
    const missing = hosts.filter((h) => !listed.includes(h));
    if (missing.length > 0)
      problems.push(
        `${name} leaves out ${missing.join(' ')}: Stripe.js would not work on the card and pay pages. Delete it to use Stripe's documented hosts.`,
      );
  }

  if (!config.d1DatabaseId || config.d1DatabaseId === PLACEHOLDER_D1_ID)
    problems.push(
      'The D1 database_id in wrangler.toml is not set: run `npx wrangler d1 create qt-stripe-bridge` and put the printed id there.',
    );
  return problems;
}

/** The redirect URI to register in the Dashboard for this configuration. */
export function redirectUriOf(vars: Record<string, string>): string {
  return `${(vars.PUBLIC_URL ?? '').replace(/\/+$/, '')}/connect/callback`;
}

/** The [vars] section and the D1 database_id of a wrangler.toml (the subset of TOML that file uses). */
export function readWranglerToml(text: string): { vars: Record<string, string>; d1DatabaseId: string | null } {
  const vars: Record<string, string> = {};
  let section = '';
  let d1DatabaseId: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[\[?([^\]]+)\]\]?$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      continue;
    }
    const pair = /^([A-Za-z0-9_]+)\s*=\s*"([^"]*)"$/.exec(line);
    if (!pair) continue;
    const [, key = '', value = ''] = pair;
    if (section === 'vars') vars[key] = value;
    if (section === 'd1_databases' && key === 'database_id') d1DatabaseId = value;
  }
  return { vars, d1DatabaseId };
}

/** KEY=VALUE lines (a .dev.vars-style file of the secrets you will `wrangler secret put`). */
export function readVarsFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] && match[2] !== undefined) out[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}
