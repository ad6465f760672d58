// What a page of the consultant's site pays for the extension: the content scripts the built
// manifest loads there, gzipped (DESIGN.md: ≤ 15 KB). Read from the unpacked build, so the figures
// are those of the files and match patterns a browser actually gets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { siteExampleOrigins } from '../../extension/src/config';
import {
  accountPageUrls,
  emailInvoicePageUrls,
  existingInvoicePageUrls,
  invoiceSettingsPageUrls,
  newInvoicePageUrls,
  otherPageUrls,
  paidListPageUrls,
  unpaidListPageUrls,
} from '../../extension/src/site/pages';
import { scriptRunsOn, type ManifestContentScript } from './match-pattern';

export const CONTENT_SCRIPT_BUDGET_BYTES = 15 * 1024;

/** One example of each kind of site page (the adapter's own example URLs), by the name a consultant knows. */
const SITE_PAGES: Array<{ page: string; example: string | undefined }> = [
  { page: 'new invoice', example: newInvoicePageUrls[0] },
  { page: 'saved invoice', example: existingInvoicePageUrls[0] },
  { page: 'Paid Invoices list', example: paidListPageUrls[0] },
  { page: 'Unpaid Invoices list', example: unpaidListPageUrls[0] },
  { page: 'Account tab', example: accountPageUrls[0] },
  { page: 'Email Invoice', example: emailInvoicePageUrls[0] },
  { page: 'Invoice Settings', example: invoiceSettingsPageUrls[0] },
  { page: 'Dashboard', example: otherPageUrls[0] },
  { page: 'Customers', example: otherPageUrls[1] },
];

export interface ContentScriptSize {
  file: string;
  gzipBytes: number;
}

export interface SitePageLoad {
  page: string;
  /** Path and query of the example page. */
  path: string;
  scripts: string[];
  gzipBytes: number;
}

function manifestScripts(unpackedDir: string): ManifestContentScript[] {
  const manifest = JSON.parse(readFileSync(join(unpackedDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestContentScript[];
  };
  return manifest.content_scripts ?? [];
}

function gzipBytes(unpackedDir: string, file: string): number {
  return gzipSync(readFileSync(join(unpackedDir, file))).length;
}

/** Every content script of the build, gzipped, one by one. */
export function contentScriptSizes(unpackedDir: string): ContentScriptSize[] {
  const files = [...new Set(manifestScripts(unpackedDir).flatMap((script) => script.js ?? []))].sort();
  return files.map((file) => ({ file, gzipBytes: gzipBytes(unpackedDir, file) }));
}

/**
 * The pages' deferred parts (extension/src/features/deferred.ts): run by the background in a page's
 * content-script world after its script starts, so not part of what the page loads at first.
 */
export function deferredScriptSizes(unpackedDir: string): ContentScriptSize[] {
  const files = readdirSync(unpackedDir)
    .filter((file) => file.endsWith('-deferred.js'))
    .sort();
  return files.map((file) => ({ file, gzipBytes: gzipBytes(unpackedDir, file) }));
}

/** For each kind of site page, on the build's site origin: which content scripts load there, gzipped together. */
export function sitePageLoads(unpackedDir: string, mode: string): SitePageLoad[] {
  const scripts = manifestScripts(unpackedDir);
  const origin = siteExampleOrigins(mode)[0];
  return SITE_PAGES.map(({ page, example }) => {
    if (!example || !origin) throw new Error(`No example URL for the ${page} page`);
    const { pathname, search } = new URL(example);
    const url = new URL(`${pathname}${search}`, origin);
    const files = [
      ...new Set(scripts.filter((script) => scriptRunsOn(script, url)).flatMap((script) => script.js ?? [])),
    ];
    return {
      page,
      path: `${pathname}${search}`,
      scripts: files,
      gzipBytes: files.reduce((sum, file) => sum + gzipBytes(unpackedDir, file), 0),
    };
  });
}
