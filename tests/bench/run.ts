// `npm run bench`: the DESIGN.md budgets, measured. Writes test-results/bench.json and prints a table.
// `npm run bench -- --startup`: only the worker bundle and its cold start (test-results/bench-startup.json),
// for a quick before/after on a busy machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentScriptSizes, deferredScriptSizes, sitePageLoads } from '../../scripts/lib/content-script-sizes';
import { EXTENSION_OUTPUT } from '../../scripts/lib/extension-output';
import { measureScale } from './scale';
import { measureStartup, STARTUP_PAIRS } from './startup';

interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: string;
}

const root = resolve(import.meta.dirname, '../..');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
const figures: Figure[] = [];
const startupOnly = process.argv.includes('--startup');
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

// Worker bundle, as `wrangler deploy` would upload it.
const out = mkdtempSync(join(tmpdir(), 'qtsb-bundle-'));
run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out]);
// The entry and the modules uploaded beside it (the stripe SDK's own, vendor/stripe.mjs).
const bundle = filesUnder(out).filter((f) => /\.m?js$/.test(f));
figures.push({
  name: 'worker bundle (gzip)',
  value: kb(bundle.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0)),
  unit: 'KB',
  budget: '≤ 100 KB',
});
// The entry (wrangler.toml main) is the one script at the top of the output.
const entry = bundle.find((f) => dirname(f) === out);
if (!entry) throw new Error(`no entry script in ${out}`);

// Cold start of that bundle in workerd, against a trivial worker started the same way.
const startupBindings = { STRIPE_SECRET_KEY: 'sk_test_benchstartup', STRIPE_WEBHOOK_SECRET: 'whsec_benchstartup' };
const startup = await measureStartup(entry, startupBindings);
const ms = (value: number) => Math.round(value * 10) / 10;
figures.push({
  name: 'cold start: first /health, trivial worker (median)',
  value: ms(startup.trivialMs),
  unit: 'ms',
  budget: 'figure',
});
figures.push({
  name: 'cold start: first /health, worker bundle (median)',
  value: ms(startup.bundleMs),
  unit: 'ms',
  budget: 'figure',
});
figures.push({
  name: 'cold start: worker over trivial (median of pairs)',
  value: ms(startup.overMs),
  unit: 'ms',
  budget: '≤ 30 ms',
});
figures.push({
  name: "cold start: worker over trivial in workerd's CPU time (median of pairs)",
  value: ms(startup.cpuOverMs),
  unit: 'ms',
  budget: 'figure',
});

// A cold isolate's first API request: the whole app evaluated (routes, schemas, queries), answered
// 401 without a token. What the extension's first call after a quiet spell waits for.
const apiStartup = await measureStartup(entry, startupBindings, STARTUP_PAIRS, { path: '/api/account', status: 401 });
figures.push({
  name: 'cold start: first API request over trivial (median of pairs)',
  value: ms(apiStartup.overMs),
  unit: 'ms',
  budget: 'figure',
});
figures.push({
  name: "cold start: first API request over trivial in workerd's CPU time (median of pairs)",
  value: ms(apiStartup.cpuOverMs),
  unit: 'ms',
  budget: 'figure',
});

if (startupOnly) {
  rmSync(out, { recursive: true, force: true });
  report('bench-startup.json');
  process.exit(0);
}

// The scale run: reads, charge and refund for a small and a large account among many.
figures.push(...(await measureScale(entry)));
rmSync(out, { recursive: true, force: true });

// Extension: content scripts and zips, from a fresh (sandbox) build. The budget is what a page of
// the site loads: each kind of page has its own content script, so each script is a figure and
// each page is held to the budget.
run('npx', ['tsx', 'scripts/build-extension.ts']);
const chromeBuild = join(root, EXTENSION_OUTPUT.chrome);
for (const { file, gzipBytes } of contentScriptSizes(chromeBuild)) {
  figures.push({
    name: `content script ${file.replace(/^content-scripts\//, '')} (gzip)`,
    value: kb(gzipBytes),
    unit: 'KB',
    budget: 'none: each site page below',
  });
}
for (const { file, gzipBytes } of deferredScriptSizes(chromeBuild)) {
  figures.push({
    name: `deferred part ${file} (gzip; run in the page after its script started)`,
    value: kb(gzipBytes),
    unit: 'KB',
    budget: 'none: counted in the zip',
  });
}
for (const load of sitePageLoads(chromeBuild, 'sandbox')) {
  figures.push({
    name: `site page ${load.page} loads (gzip)`,
    value: kb(load.gzipBytes),
    unit: 'KB',
    budget: '≤ 15 KB',
  });
}
for (const zip of readdirSync(join(root, 'extension/.output')).filter((f) => f.endsWith('.zip'))) {
  figures.push({
    name: `extension zip ${zip.replace(/^.*-(chrome|firefox)\.zip$/, '$1')}`,
    value: kb(statSync(join(root, 'extension/.output', zip)).size),
    unit: 'KB',
    budget: '≤ 100 KB',
  });
}

// Round trips and Stripe calls, measured inside workerd against the simulator.
function collect(output: string): void {
  for (const line of output.split('\n')) {
    const match = /BENCH (\{.*\})/.exec(line);
    if (match?.[1]) figures.push(JSON.parse(match[1]) as Figure);
  }
}
collect(run('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts']));

// Controls injected after DOMContentLoaded, in Chromium with the built extension (needs Debian's chromium).
collect(run('npx', ['tsx', 'tests/bench/injection-delay.ts']));

report('bench.json');

/** Writes the figures to test-results/<file> and prints them as a table. */
function report(file: string): void {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results', file), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log('\nqt-stripe-bridge budgets');
  for (const f of figures)
    console.log(`  ${f.name.padEnd(width)}  ${String(f.value).padStart(7)} ${f.unit.padEnd(12)} (budget ${f.budget})`);
}
