import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// index.ts must run inside workerd too: only web-standard APIs in everything it imports.
const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../sandbox/stripe/index.ts');

function importGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    seen.set(file, source);
    for (const match of source.matchAll(/from '(\.[^']+)'/g)) visit(resolve(dirname(file), match[1] ?? ''));
  };
  visit(entry);
  return seen;
}

describe('simulator portability', () => {
  it('uses no Node-only API in anything index.ts imports', () => {
    const offenders: string[] = [];
    for (const [file, source] of importGraph(ENTRY)) {
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const banned of [/from 'node:/, /\bBuffer\b/, /\bprocess\./, /from 'ajv'/, /require\(/]) {
        if (banned.test(code)) offenders.push(`${file}: ${banned}`);
      }
      for (const match of code.matchAll(/from '([^.'][^']*)'/g)) {
        if (match[1] !== 'qs' && match[1] !== 'stripe') offenders.push(`${file}: imports ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('imports the stripe package for types only', () => {
    const valueImports = [...importGraph(ENTRY)]
      .filter(([, source]) => /^import (?!type )[^;]*from 'stripe'/m.test(source))
      .map(([file]) => file);
    expect(valueImports).toEqual([]);
  });
});
