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
 * Prints the folders, the zip sizes and the DESIGN.md budgets (content script ≤ 15 KB gzip, zip ≤ 100 KB).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zip, type TargetBrowser } from 'wxt';
import { DEFAULT_WORKER_URL, PRODUCTION_MODE } from '../extension/src/config';

const root = resolve(import.meta.dirname, '..');
const extensionRoot = join(root, 'extension');
const production = process.argv.includes('--production');
const mode = production ? PRODUCTION_MODE : 'sandbox';
const outDir = production ? '.output/production' : '.output';
const BUDGET = { contentScriptGzipBytes: 15 * 1024, zipBytes: 100 * 1024 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Everything a content script pulls in, gzipped: the part of the extension every site page pays for. */
function contentScriptGzipBytes(unpackedDir: string): number {
  return filesUnder(join(unpackedDir, 'content-scripts')).reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
}

function budgetLine(label: string, bytes: number, budget: number): string {
  return `  ${label.padEnd(26)} ${kb(bytes).padStart(9)}  (budget ${kb(budget)}) ${bytes <= budget ? 'ok' : 'OVER BUDGET'}`;
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
    report.push(budgetLine(relative(root, file), statSync(file).size, BUDGET.zipBytes));
  }
  report.push(budgetLine('content script (gzip)', contentScriptGzipBytes(unpacked), BUDGET.contentScriptGzipBytes));
}
console.log(`\n${report.join('\n')}`);
