import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = join(import.meta.dirname, '../../extension/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('markup from strings', () => {
  // The build leaves Preact's dangerouslySetInnerHTML branch out (scripts/lib/preact-without-inner-html.ts),
  // and `web-ext lint` fails on any innerHTML assignment; this says which source line broke the rule.
  it('is never written by the extension: no innerHTML, outerHTML, insertAdjacentHTML or dangerouslySetInnerHTML', () => {
    const offenders = sourceFiles(srcDir).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${relative(srcDir, file)}:${index + 1}` }))
        .filter(({ line }) => /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
