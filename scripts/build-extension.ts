/**
 * `npm run build`: builds and zips the extension for Chrome (MV3) and Firefox (MV2), offline.
 *
 * Output (stable; the e2e harness loads these, see scripts/lib/extension-output.ts):
 *   extension/.output/chrome-mv3/          unpacked Chrome build   (load with "Load unpacked")
 *   extension/.output/firefox-mv2/         unpacked Firefox build  (about:debugging → Load Temporary Add-on)
 *   extension/.output/*-chrome.zip, *-firefox.zip
 * These sandbox builds run on the stand-in site (http://127.0.0.1/*, http://localhost/*).
 *
 * `npm run build -- --production` targets the real site's origin (extension/src/config.ts) instead and
 * writes to extension/.output/production/<same names>.
 *
 * Environment: WXT_WORKER_URL = the worker the build talks to (default http://127.0.0.1:8787).
 * Prints the folders, the zip sizes, each content script's gzip size and, per kind of site page,
 * the content scripts that page loads against the DESIGN.md budgets (≤ 15 KB gzip a site page,
 * zip ≤ 100 KB).
 */
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zip, type TargetBrowser } from 'wxt';
import { DEFAULT_WORKER_URL, PRODUCTION_MODE } from '../extension/src/config';
import {
  CONTENT_SCRIPT_BUDGET_BYTES,
  contentScriptSizes,
  deferredScriptSizes,
  sitePageLoads,
} from './lib/content-script-sizes';

const root = resolve(import.meta.dirname, '..');
const extensionRoot = join(root, 'extension');
const production = process.argv.includes('--production');
const mode = production ? PRODUCTION_MODE : 'sandbox';
const outDir = production ? '.output/production' : '.output';
const ZIP_BUDGET_BYTES = 100 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let overBudget = false;

function budgetLine(label: string, bytes: number, budget: number, note = ''): string {
  overBudget ||= bytes > budget;
  return `  ${label.padEnd(40)} ${kb(bytes).padStart(9)}  (budget ${kb(budget)}) ${bytes <= budget ? 'ok' : 'OVER BUDGET'}${note}`;
}

const targets: { browser: TargetBrowser; folder: string }[] = [
  { browser: 'chrome', folder: 'chrome-mv3' },
  { browser: 'firefox', folder: 'firefox-mv2' },
];

console.log(`Building the extension (${mode}) for worker ${process.env.WXT_WORKER_URL || DEFAULT_WORKER_URL}`);
const report: string[] = [];
for (const { browser, folder } of targets) {
  const zips = await zip({
    root: extensionRoot,
    browser,
    mode,
    outDir,
    outDirTemplate: folder,
  });
  const unpacked = join(extensionRoot, outDir, folder);
  report.push(`${browser}: ${relative(root, unpacked)}/`);
  for (const file of zips) {
    report.push(budgetLine(relative(root, file), statSync(file).size, ZIP_BUDGET_BYTES));
  }
  report.push('  content scripts (gzip, each):');
  for (const { file, gzipBytes } of contentScriptSizes(unpacked))
    report.push(`    ${file.padEnd(38)} ${kb(gzipBytes).padStart(9)}`);
  report.push('  deferred parts (gzip, each; run in the page once its script has started):');
  for (const { file, gzipBytes } of deferredScriptSizes(unpacked))
    report.push(`    ${file.padEnd(38)} ${kb(gzipBytes).padStart(9)}`);
  report.push('  what a site page loads (gzip):');
  for (const load of sitePageLoads(unpacked, mode)) {
    const scripts = load.scripts.map((file) => file.replace(/^content-scripts\//, '')).join(' + ') || 'nothing';
    report.push(budgetLine(`  ${load.page} ${load.path}`, load.gzipBytes, CONTENT_SCRIPT_BUDGET_BYTES, `  ${scripts}`));
  }
}
console.log(`\n${report.join('\n')}`);
// Reported, not fatal: `npm start` and the e2e tests still get an extension to run.
if (overBudget) console.error('\nOver a DESIGN.md budget: see OVER BUDGET above.');
