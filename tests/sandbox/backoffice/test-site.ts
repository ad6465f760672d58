import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { startBackoffice, type RunningBackoffice } from './index.ts';

// Test helpers: a site on a free port with its own data file, and a browser-like form submit.

export interface TestSite extends RunningBackoffice {
  dataFile: string;
  /** Stops the site and removes its data folder. */
  dispose(): Promise<void>;
}

export async function startTestSite(dataFile?: string): Promise<TestSite> {
  const dir = dataFile ? null : mkdtempSync(join(tmpdir(), 'backoffice-'));
  const file = dataFile ?? join(dir ?? '', 'state.json');
  const site = await startBackoffice({ port: 0, dataFile: file });
  return {
    ...site,
    dataFile: file,
    dispose: async () => {
      await site.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function getPage(url: string): Promise<{ status: number; document: Document; html: string }> {
  const res = await fetch(url);
  const html = await res.text();
  return { status: res.status, document: parseHTML(html).document, html };
}

/** The fields a browser would submit from `form`, in document order. */
function formFields(form: Element): URLSearchParams {
  const params = new URLSearchParams();
  for (const el of Array.from(form.querySelectorAll('input[name], select[name], textarea[name]'))) {
    const name = el.getAttribute('name') ?? '';
    if (el.tagName === 'SELECT') {
      const selected = el.querySelector('option[selected]') ?? el.querySelector('option');
      params.append(name, selected?.getAttribute('value') ?? '');
    } else if (el.tagName === 'TEXTAREA') {
      params.append(name, el.textContent ?? '');
    } else {
      params.append(name, el.getAttribute('value') ?? '');
    }
  }
  return params;
}

/** Loads an invoice page, fills `changes` into its form and submits it as Confirm would. */
export async function submitInvoice(baseUrl: string, path: string, changes: Record<string, string>): Promise<Response> {
  const { document } = await getPage(baseUrl + path);
  const form = document.querySelector('#invoiceForm');
  if (!form) throw new Error(`no invoice form on ${path}`);
  const fields = formFields(form);
  for (const [name, value] of Object.entries(changes)) fields.set(name, value);
  return fetch(baseUrl + (form.getAttribute('action') ?? path), { method: 'POST', body: fields, redirect: 'manual' });
}

/** Invoice numbers listed on /invoices/paid or /invoices/unpaid. */
export async function listedInvoices(baseUrl: string, list: 'paid' | 'unpaid'): Promise<string[]> {
  const { document } = await getPage(`${baseUrl}/invoices/${list}`);
  return Array.from(document.querySelectorAll('table.invoice-list tbody tr td:first-child a')).map(
    (a) => a.textContent?.trim() ?? '',
  );
}

export function text(document: Document, selector: string): string {
  return document.querySelector(selector)?.textContent?.trim() ?? '';
}
