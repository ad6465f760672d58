import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The extension's module graph has no circles, type imports included: each flow imports the shared
// leaves (protocol, storage, site adapter, components), never the router or another flow's pages.

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'extension/src');

function sourceFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
      .map((file) => join(dir, file)),
  );
}

/** Relative specifiers of every `import … from`, `export … from` and `import('…')`, types included. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map(
    (match) => match[1] ?? '',
  );
}

function resolveImport(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importGraph(files: string[]): Map<string, string[]> {
  const inside = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(readFileSync(file, 'utf8'))
        .map((s) => resolveImport(file, s))
        .filter((f): f is string => f !== null && inside.has(f)),
    ]),
  );
}

/** Every circle found by a depth-first walk, as the files around it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'walking' | 'done'>();
  const path: string[] = [];
  const walk = (file: string) => {
    state.set(file, 'walking');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'walking') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) walk(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) walk(file);
  return cycles;
}

describe('extension module graph', () => {
  it('finds a circle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reads every kind of import line, type-only ones too', () => {
    const text =
      "import type { A } from './a';\nimport { b } from '../b';\nexport { c } from './c';\nimport './d';\nconst e = import('./e');\nimport x from 'zod';";
    expect(importsOf(text)).toEqual(['./a', '../b', './c', './d', './e']);
  });

  it('has no import circles in the worker and the shared contract either', () => {
    const files = sourceFiles(join(root, 'worker/src'), join(root, 'shared'));
    const graph = importGraph(files);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(root, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('has no import circles in extension/src', () => {
    const files = sourceFiles(src);
    const graph = importGraph(files);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(src, file)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
