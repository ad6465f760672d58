import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface BundleModule {
  type: 'ESModule' | 'CommonJS';
  path: string;
  contents: string;
}

/**
 * Every module of a built worker, as `wrangler deploy` uploads them: the entry and any modules beside
 * it (`.cjs` as CommonJS). Given whole, so Miniflare does not parse them in Node: only workerd's work
 * is timed.
 */
export function bundleModules(entryPath: string): BundleModule[] {
  const dir = dirname(entryPath);
  const others = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => path !== entryPath && /\.(c|m)?js$/.test(path));
  return [entryPath, ...others].map((path) => ({
    type: path.endsWith('.cjs') ? 'CommonJS' : 'ESModule',
    path,
    contents: readFileSync(path, 'utf8'),
  }));
}
