// `npm test`: every suite, in order, with one closing "N passed, N failed" line.
// Steps that are not test runners (type-check, Firefox lint) count as one check each.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { browserMissing, type BrowserName } from '../tests/e2e/harness/browsers';

interface Tally {
  passed: number;
  failed: number;
}
const tally: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
const resultsDir = 'test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

function sh(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...env },
  });
  return result.status === 0;
}

function check(name: string, command: string, args: string[]): void {
  console.log(`\n=== ${name}`);
  if (sh(command, args)) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
}

function vitest(name: string, config: string, env: Record<string, string> = {}): void {
  console.log(`\n=== ${name}`);
  if (!existsSync(config)) {
    tally.failed += 1;
    failures.push(`${name}: ${config} is missing`);
    return;
  }
  const out = join(resultsDir, `${name}.json`);
  const ok = sh(
    'npx',
    ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (!existsSync(out)) {
    tally.failed += 1;
    failures.push(`${name}: vitest wrote no report`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  // A skipped or todo test counts as failed: every test must run.
  tally.failed += report.numPendingTests + report.numTodoTests;
  if (!ok || report.numFailedTests > 0 || report.numPendingTests + report.numTodoTests > 0) {
    failures.push(name);
    if (ok && report.numFailedTests === 0 && report.numPassedTests === 0) tally.failed += 1;
  }
  if (!ok && report.numFailedTests === 0) tally.failed += 1; // a suite that failed to load or set up
}

check('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
check('unused files, exports and dependencies (knip)', 'npx', ['knip', '--no-progress']);
check('type-check (node side)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('type-check (worker)', 'npx', ['tsc', '-p', 'worker/tsconfig.json', '--noEmit']);
check('type-check (extension)', 'npx', ['tsc', '-p', 'extension/tsconfig.json', '--noEmit']);
vitest('unit', 'vitest.unit.config.ts');
vitest('worker', 'vitest.worker.config.ts');
vitest('extension', 'vitest.extension.config.ts');
check('build extension', 'npx', ['tsx', 'scripts/build-extension.ts']);
check('web-ext lint (firefox)', 'npx', ['tsx', 'scripts/lint-firefox.ts']);

const ci = process.env.CI === 'true';
const browsers: BrowserName[] = [];
for (const name of ['chromium', 'firefox'] as const) {
  const missing = browserMissing(name);
  if (!missing) browsers.push(name);
  else if (ci) {
    console.log(`\n${missing}\nUnder CI a missing browser is a failure.`);
    tally.failed += 1;
    failures.push(`${name} missing`);
  } else console.log(`\nNOTE: e2e tests in ${name} were not run. ${missing}`);
}
if (browsers.length > 0) vitest('e2e', 'vitest.e2e.config.ts', { E2E_BROWSERS: browsers.join(',') });

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
