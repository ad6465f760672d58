// Cold start: how much later workerd answers its first /health with our bundle than with a
// trivial worker. Each sample starts a fresh workerd (Miniflare) and times start → first answer;
// runs alternate between the two scripts so machine load hits both alike.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';

const TRIVIAL = `export default { fetch() { return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }); } };`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function firstHealth(scriptPath: string, bindings: Record<string, string>): Promise<number> {
  // Modules given whole, so Miniflare does not parse the script in Node: only workerd's work is timed.
  const modules = [{ type: 'ESModule' as const, path: scriptPath, contents: readFileSync(scriptPath, 'utf8') }];
  const started = performance.now();
  const mf = new Miniflare({ modules, modulesRoot: dirname(scriptPath), compatibilityDate: '2026-04-20', compatibilityFlags: ['nodejs_compat'], d1Databases: ['DB'], bindings });
  try {
    const res = await mf.dispatchFetch('http://localhost/health');
    await res.text();
    if (!res.ok) throw new Error(`/health answered ${res.status}`);
    return performance.now() - started;
  } finally {
    await mf.dispose();
  }
}

/** Median start → first /health of the bundle and of a trivial worker, over `runs` alternating pairs. */
export async function measureStartup(bundlePath: string, bindings: Record<string, string>, runs = 9): Promise<{ bundleMs: number; trivialMs: number; overMs: number }> {
  const bundle: number[] = [];
  const trivial: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'qtsb-trivial-'));
  const trivialPath = join(dir, 'trivial.mjs');
  writeFileSync(trivialPath, TRIVIAL);
  try {
    await firstHealth(trivialPath, {}); // the first workerd spawn warms the disk cache for both
    for (let i = 0; i < runs; i += 1) {
      trivial.push(await firstHealth(trivialPath, {}));
      bundle.push(await firstHealth(bundlePath, bindings));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bundleMs = median(bundle);
  const trivialMs = median(trivial);
  return { bundleMs, trivialMs, overMs: median(bundle.map((b, i) => b - (trivial[i] ?? NaN))) };
}

if (process.argv[1] === import.meta.filename && process.argv[2]) {
  const result = await measureStartup(process.argv[2], {}, Number(process.argv[3] ?? 9));
  console.log(JSON.stringify(result));
}
