import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { preflightProblems, readWranglerToml, type DeployConfig } from '../../scripts/preflight-checks';

const root = resolve(import.meta.dirname, '../..');
/** Shaped like live keys but made up; assembled so no scanner mistakes them for leaked ones. */
const FAKE = {
  sk: ['sk', 'live', 'preflightfake'].join('_'),
  pk: ['pk', 'live', 'preflightfake'].join('_'),
  pkTest: ['pk', 'test', 'preflightfake'].join('_'),
};

function production(
  overrides: {
    vars?: Record<string, string | undefined>;
    secrets?: DeployConfig['secrets'];
    d1DatabaseId?: string | null;
  } = {},
): DeployConfig {
  const vars: Record<string, string> = {
    STRIPE_API_HOST: 'api.stripe.com',
    STRIPE_API_PORT: '443',
    STRIPE_API_PROTOCOL: 'https',
    STRIPE_OAUTH_AUTHORIZE_URL: 'https://connect.stripe.com/oauth/authorize',
    STRIPE_CONNECT_CLIENT_ID: 'ca_platformlive123',
    STRIPE_PUBLISHABLE_KEY: FAKE.pk,
    STRIPE_JS_URL: 'https://js.stripe.com/v3/',
    PUBLIC_URL: 'https://pay.example.com',
  };
  for (const [key, value] of Object.entries(overrides.vars ?? {})) {
    if (value === undefined) delete vars[key];
    else vars[key] = value;
  }
  return {
    vars,
    secrets: overrides.secrets ?? { STRIPE_SECRET_KEY: FAKE.sk, STRIPE_WEBHOOK_SECRET: 'whsec_preflightfake' },
    d1DatabaseId:
      overrides.d1DatabaseId === undefined ? '4f9d1c2e-aaaa-bbbb-cccc-000000000001' : overrides.d1DatabaseId,
  };
}

describe('npm run preflight', () => {
  it('passes a complete live configuration', () => {
    expect(preflightProblems(production())).toEqual([]);
  });

  it('says in words which keys are of two modes', () => {
    expect(preflightProblems(production({ vars: { STRIPE_PUBLISHABLE_KEY: FAKE.pkTest } }))).toEqual([
      'The keys are of two modes: the secret key is a live-mode key and the publishable key a test-mode one. Use both keys of one mode.',
    ]);
  });

  it('names a plain-http PUBLIC_URL, a missing webhook secret, an unset D1 id and a CSP that leaves Stripe out', () => {
    const problems = preflightProblems(
      production({
        vars: { PUBLIC_URL: 'http://pay.example.com', STRIPE_CSP_FRAME_SRC: 'https://js.stripe.com' },
        secrets: { STRIPE_SECRET_KEY: FAKE.sk, STRIPE_WEBHOOK_SECRET: undefined },
        d1DatabaseId: '00000000-0000-0000-0000-000000000000',
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL must be the worker's https:\/\/ address/);
    expect(problems.join('\n')).toMatch(/STRIPE_WEBHOOK_SECRET is not set/);
    expect(problems.join('\n')).toMatch(/D1 database_id in wrangler\.toml is not set/);
    expect(problems.join('\n')).toMatch(
      /STRIPE_CSP_FRAME_SRC leaves out https:\/\/\*\.js\.stripe\.com https:\/\/hooks\.stripe\.com/,
    );
  });

  it("refuses the repository's sandbox wrangler.toml as a production configuration, without printing the secret", async () => {
    const { vars, d1DatabaseId } = readWranglerToml(readFileSync(resolve(root, 'wrangler.toml'), 'utf8'));
    expect(vars.STRIPE_CONNECT_CLIENT_ID).toBe('ca_sandboxqtbridge');
    const secret = ['sk', 'test', 'preflightcli'].join('_');
    const run = promisify(execFile)('npx', ['tsx', 'scripts/preflight.ts'], {
      cwd: root,
      env: { ...process.env, STRIPE_SECRET_KEY: secret, STRIPE_WEBHOOK_SECRET: '' },
    });
    const failed = await run.then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(
      /STRIPE_OAUTH_AUTHORIZE_URL must be https:\/\/connect\.stripe\.com\/oauth\/authorize/,
    );
    expect(failed?.stdout).toMatch(/The secret key is a test-mode key/);
    expect(failed?.stdout).not.toContain(secret);
    expect(preflightProblems({ vars, secrets: {}, d1DatabaseId }).length).toBeGreaterThan(5);
  });
});
