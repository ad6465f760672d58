// `npm run preflight [-- --config wrangler.toml] [--secrets prod.vars]`: checks a production configuration
// offline and says in words what is wrong. Secrets come from --secrets (KEY=VALUE lines, never
// committed) or from the environment (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET); none is printed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { preflightProblems, readVarsFile, readWranglerToml, redirectUriOf } from './preflight-checks';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const configPath = resolve(option('--config') ?? 'wrangler.toml');
const secretsPath = option('--secrets');
const { vars, d1DatabaseId } = readWranglerToml(readFileSync(configPath, 'utf8'));
const fromFile = secretsPath ? readVarsFile(readFileSync(resolve(secretsPath), 'utf8')) : {};
const secrets = {
  STRIPE_SECRET_KEY: fromFile.STRIPE_SECRET_KEY ?? process.env.STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: fromFile.STRIPE_WEBHOOK_SECRET ?? process.env.STRIPE_WEBHOOK_SECRET,
};
const problems = preflightProblems({ vars, secrets, d1DatabaseId });
console.log(`Preflight of ${configPath}${secretsPath ? ` with secrets from ${secretsPath}` : ''}:`);
if (problems.length === 0) {
  console.log(
    `  Ready. Register the redirect URI ${redirectUriOf(vars)} in the Dashboard (Connect → OAuth) and the Connect webhook endpoint ${vars.PUBLIC_URL}/webhooks/stripe on API version 2026-10-28.endive.`,
  );
} else {
  for (const problem of problems) console.log(`  ✗ ${problem}`);
  console.log(
    `${problems.length} problem${problems.length === 1 ? '' : 's'}: fix ${problems.length === 1 ? 'it' : 'them'} before \`npx wrangler deploy\`.`,
  );
  process.exitCode = 1;
}
