import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { InlineConfig } from 'vite';

// A page's deferred part (extension/src/entrypoints/<page>-deferred.ts, see features/deferred.ts) runs
// in the same content-script world as the page's script, after it. It takes the modules the page's
// script shares (features/scripts/<page>-shared.ts) from that script instead of bundling copies: one
// Preact renders the page's panels, there is one store per page (features/charge/charge-store.ts),
// and code both need is shipped once. The page's script publishes them as `__qsbShared`.

const EXPORT_AS = /^export \* as (\w+) from '([^']+)';$/gm;
const SOURCE_EXTENSION = /\.(tsx?|mjs|js)$/;

interface SharedModule {
  /** 'preact', or a source path without its extension. */
  module: string;
  global: string;
}

/** The `export * as name from '…'` lines of a page's shared-modules file. */
function sharedModulesOf(sharedFile: string): SharedModule[] {
  const text = readFileSync(sharedFile, 'utf8');
  return [...text.matchAll(EXPORT_AS)].map(([, name, from]) => ({
    module: from?.startsWith('.') ? resolve(dirname(sharedFile), from) : (from ?? ''),
    global: `__qsbShared.${name}`,
  }));
}

/** Makes a deferred part's build take the page script's shared modules (an IIFE's globals). */
export function takeSharedFromPageScript(config: InlineConfig, sharedFile: string): void {
  const shared = sharedModulesOf(sharedFile);
  const find = (id: string, importer?: string) => {
    const path = importer && id.startsWith('.') ? resolve(dirname(importer), id) : id;
    const bare = path.replace(SOURCE_EXTENSION, '');
    return shared.find((entry) => entry.module === bare || entry.module === path);
  };
  config.build ??= {};
  const rollup = (config.build.rollupOptions ??= {});
  rollup.external = (id, importer) => find(id, importer) !== undefined;
  const output = rollup.output;
  if (Array.isArray(output) || !output) throw new Error('A deferred part is built as one IIFE output');
  output.globals = (id) => {
    const entry = find(id);
    if (!entry) throw new Error(`No global for external module ${id}`);
    return entry.global;
  };
}
