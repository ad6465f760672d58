import type { FormSubmission } from '../site/forms';

// Reading and posting the site's own pages from a content script, as the page itself would: same
// origin, the site's cookies. Firefox runs a content script's plain fetch as the extension;
// `content.fetch` there makes the request as the page.

export interface SiteIo {
  fetch: typeof fetch;
  parse: (html: string) => Document;
}

export function pageIo(win: Window): SiteIo {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const pageFetch = content?.fetch ? content.fetch.bind(content) : win.fetch.bind(win);
  return { fetch: pageFetch, parse: (html) => new DOMParser().parseFromString(html, 'text/html') };
}

/** The page at `url` parsed (scripts do not run), or null when the site did not serve it. */
export async function fetchSitePage(io: SiteIo, url: string): Promise<Document | null> {
  try {
    const response = await io.fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    return response.ok ? io.parse(await response.text()) : null;
  } catch {
    return null;
  }
}

/** Posts one of the site's forms; true when the site accepted it. */
export async function postSiteForm(io: SiteIo, submission: FormSubmission): Promise<boolean> {
  try {
    const response = await io.fetch(submission.url, {
      method: 'POST',
      body: submission.body,
      credentials: 'same-origin',
    });
    return response.ok;
  } catch {
    return false;
  }
}
