// Cold start: how much later workerd answers its first /health (or another first request) with our
// bundle than a trivial worker answers. Each sample starts a fresh workerd (Miniflare) and takes, up
// to the first answer, the wall time and workerd's own CPU time; runs alternate between the two
// scripts so machine load hits both alike. CPU time is the steadier figure on a shared machine:
// others' work does not add to it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';
import { bundleModules } from './bundle-modules';

const TRIVIAL = `export default { fetch() { return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }); } };`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** CPU time (ms) of every thread of the workerd processes this process started (Linux schedstat, ns). */
function workerdCpuMs(): number {
  let ns = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [, comm = '', rest = ''] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (comm !== 'workerd' || Number(rest.split(' ')[1]) !== process.pid) continue;
      for (const task of readdirSync(`/proc/${pid}/task`))
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a process that ended while we looked
    }
  }
  return ns / 1e6;
}

/** A cold isolate's first request: the path asked and the status it must answer with. */
export interface FirstRequest {
  path: string;
  status: number;
}

const HEALTH: FirstRequest = { path: '/health', status: 200 };
export const STARTUP_PAIRS = 31;

async function firstAnswer(
  scriptPath: string,
  bindings: Record<string, string>,
  first: FirstRequest,
): Promise<{ wallMs: number; cpuMs: number }> {
  const modules = bundleModules(scriptPath);
  const started = performance.now();
  const mf = new Miniflare({
    modules,
    modulesRoot: dirname(scriptPath),
    compatibilityDate: '2026-04-20',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: ['DB'],
    bindings,
  });
  try {
    const res = await mf.dispatchFetch(`http://localhost${first.path}`);
    await res.text();
    const wallMs = performance.now() - started;
    if (res.status !== first.status) throw new Error(`${first.path} answered ${res.status}, not ${first.status}`);
    return { wallMs, cpuMs: workerdCpuMs() };
  } finally {
    await mf.dispose();
  }
}

interface Startup {
  /** Medians of wall time, start → first answer. */
  bundleMs: number;
  trivialMs: number;
  /** Median of (bundle − trivial) over alternating pairs, wall time. */
  overMs: number;
  /** The same in workerd's CPU time. */
  cpuOverMs: number;
}

/**
 * Start → first answer of the bundle (to `first`, /health unless told) and of a trivial worker (to
 * anything), over `runs` alternating pairs.
 */
export async function measureStartup(
  bundlePath: string,
  bindings: Record<string, string>,
  // A single start swings by ±10 ms on this machine; 31 pairs keep the median within a few ms.
  runs = STARTUP_PAIRS,
  first: FirstRequest = HEALTH,
): Promise<Startup> {
  const bundle: { wallMs: number; cpuMs: number }[] = [];
  const trivial: { wallMs: number; cpuMs: number }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'qtsb-trivial-'));
  const trivialPath = join(dir, 'trivial.mjs');
  writeFileSync(trivialPath, TRIVIAL);
  try {
    await firstAnswer(trivialPath, {}, HEALTH); // the first workerd spawn warms the disk cache for both
    for (let i = 0; i < runs; i += 1) {
      trivial.push(await firstAnswer(trivialPath, {}, HEALTH));
      bundle.push(await firstAnswer(bundlePath, bindings, first));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pairs = <K extends 'wallMs' | 'cpuMs'>(key: K) =>
    median(bundle.map((b, i) => b[key] - (trivial[i]?.[key] ?? NaN)));
  return {
    bundleMs: median(bundle.map((b) => b.wallMs)),
    trivialMs: median(trivial.map((t) => t.wallMs)),
    overMs: pairs('wallMs'),
    cpuOverMs: pairs('cpuMs'),
  };
}

// `tsx tests/bench/startup.ts <entry.js> [runs] [path] [status]`
if (process.argv[1] === import.meta.filename && process.argv[2]) {
  const [, , entry = '', runs = String(STARTUP_PAIRS), path = HEALTH.path, status = String(HEALTH.status)] =
    process.argv;
  const result = await measureStartup(entry, {}, Number(runs), { path, status: Number(status) });
  console.log(JSON.stringify(result));
}
