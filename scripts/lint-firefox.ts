/**
 * `web-ext lint` on the unpacked Firefox build (run `npm run build` first). Prints the summary and
 * every error and warning; exits non-zero on any error or warning: the stores' reviewers read the
 * same warnings (innerHTML came from Preact's dangerouslySetInnerHTML branch, now left out of the
 * build by scripts/lib/preact-without-inner-html.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_OUTPUT } from './lib/extension-output';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

const root = resolve(import.meta.dirname, '..');
const sourceDir = join(root, EXTENSION_OUTPUT.firefox);
if (!existsSync(join(sourceDir, 'manifest.json'))) {
  console.error(`No Firefox build at ${EXTENSION_OUTPUT.firefox}: run \`npm run build\` first.`);
  process.exit(1);
}

const result = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, WEB_EXT_NO_INPUT: 'true' } },
);
let report: LintReport;
try {
  report = JSON.parse(result.stdout) as LintReport;
} catch {
  console.error(`web-ext lint did not produce a report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  process.exit(1);
}

const line = (kind: string, m: LintMessage) => `  ${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`;
for (const m of report.errors) console.log(line('error  ', m));
for (const m of report.warnings) console.log(line('warning', m));
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint ${EXTENSION_OUTPUT.firefox}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors > 0 || warnings > 0 ? 1 : 0);
