import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFeatures } from '../../extension/src/features/all';

const src = resolve(import.meta.dirname, '../../extension/src');

function sourceFiles(): { path: string; text: string }[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => ({ path: file.split('\\').join('/'), text: readFileSync(join(src, file), 'utf8') }));
}

function outside(...folders: string[]) {
  return sourceFiles().filter((file) => !folders.some((folder) => file.path.startsWith(folder)));
}

/** A feature file is one that defines a feature (features/<flow>/<feature>.tsx); its flow folder also holds its state and UI. */
function featureFiles(): { path: string; text: string }[] {
  return sourceFiles().filter(
    (file) => file.path.startsWith('features/') && /export default defineFeature\(/.test(file.text),
  );
}

describe('extension conventions', () => {
  it('registers every feature file, under its own file name', () => {
    const ids = featureFiles().map((file) => basename(file.path).replace(/\.tsx?$/, ''));
    expect(allFeatures.map((feature) => feature.id).sort()).toEqual(ids.sort());
  });

  it.each(allFeatures.map((feature) => [feature.id, feature] as const))(
    'gives "%s" example URLs its predicate accepts',
    (_id, feature) => {
      expect(feature.testUrls.length).toBeGreaterThan(0);
      for (const url of feature.testUrls) expect(feature.appliesTo(new URL(url)), url).toBe(true);
    },
  );

  it("imports a feature file only from the per-page feature lists, so no page loads another page's feature", () => {
    const names = featureFiles()
      .map((file) => basename(file.path).replace(/\.tsx?$/, ''))
      .join('|');
    const importsAFeature = new RegExp(`from '[^']*/(${names})'`);
    const offenders = sourceFiles().filter(
      (file) => !file.path.startsWith('features/scripts/') && importsAFeature.test(file.text),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('takes only types from shared/api.ts outside the background, so no page script bundles zod', () => {
    // A value import (a schema, even a constant) pulls zod/mini into a content script: 6 KB gzip.
    const valueImport = /^import (?!type )[^;]*from '[^']*shared\/api'/m;
    const offenders = outside('background/', 'entrypoints/background').filter((file) => valueImport.test(file.text));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('reads the host page only through the site adapter (src/site/)', () => {
    // Components may query inside their own shadow root; the options page is our own document.
    const domQuery = /\b(querySelector(All)?|getElementById|getElementsBy\w+|closest)\s*\(/;
    const offenders = outside('site/', 'components/', 'entrypoints/options/', 'features/settings/').filter((file) =>
      domQuery.test(file.text),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps the consultant token storage in the background only', () => {
    const offenders = outside('background/').filter((file) =>
      /background\/storage['"]|consultantToken/.test(file.text),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps zod (and so the message schemas) out of everything a site page loads', () => {
    const offenders = outside('background/').filter((file) => /from ['"]zod|message-schemas['"]/.test(file.text));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('marks every :host declaration of an injected control !important, or the shadow-root reset silently drops it', () => {
    const hostBlocks = sourceFiles().flatMap((file) =>
      [...file.text.matchAll(/:host\s*\{([^}]*)\}/g)].map((match) => ({
        path: file.path,
        declarations: (match[1] ?? '')
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean),
      })),
    );
    expect(hostBlocks.length).toBeGreaterThan(0);
    const weak = hostBlocks.flatMap(({ path, declarations }) =>
      declarations.filter((d) => !/!important$/.test(d)).map((d) => `${path}: ${d}`),
    );
    expect(weak).toEqual([]);
  });

  it('never polls the host page', () => {
    const offenders = sourceFiles().filter((file) => /\bsetInterval\s*\(/.test(file.text));
    expect(offenders.map((file) => relative(src, join(src, file.path)))).toEqual([]);
  });
});
