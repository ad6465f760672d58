// Which host-site page is this? Predicates look at the path only: the origin is configured in
// ../config.ts. Each sits beside example URLs of the stand-in, which the tests run them against,
// and, for the pages a content script of its own runs on, beside the manifest path patterns that
// load that script (match-pattern syntax, matched by the browser against path and query).

function path(url: URL): string {
  return url.pathname.replace(/\/+$/, '') || '/';
}

/** Where a content script runs on the site: path patterns, and paths they would wrongly cover. */
export interface PagePaths {
  matches: string[];
  excludeMatches: string[];
}

/** One path with or without a trailing slash, with or without a query: match patterns have no "optional". */
function exactly(pagePath: string): string[] {
  return [pagePath, `${pagePath}/`, `${pagePath}?*`, `${pagePath}/?*`];
}

export const newInvoicePageUrls = [
  'http://127.0.0.1:8788/invoices/new',
  'http://127.0.0.1:8788/invoices/new?customer=503',
];
export const existingInvoicePageUrls = ['http://127.0.0.1:8788/invoices/1042', 'http://localhost:8788/invoices/1046/'];
export const invoicePageUrls = [...newInvoicePageUrls, ...existingInvoicePageUrls];
export const paidListPageUrls = ['http://127.0.0.1:8788/invoices/paid'];
export const unpaidListPageUrls = ['http://127.0.0.1:8788/invoices/unpaid', 'http://127.0.0.1:8788/invoices/unpaid/'];
export const accountPageUrls = ['http://127.0.0.1:8788/account'];
export const emailInvoicePageUrls = ['http://127.0.0.1:8788/invoices/1042/email'];
export const invoiceSettingsPageUrls = ['http://127.0.0.1:8788/settings/invoices'];
/** Pages no predicate above claims. */
export const otherPageUrls = [
  'http://127.0.0.1:8788/',
  'http://127.0.0.1:8788/customers',
  'http://127.0.0.1:8788/invoices/paid.html',
  'http://127.0.0.1:8788/propay/pay?invoice=1042',
];

/** `/invoices/<anything>` except the lists and an invoice's email page (the predicate then checks the number). */
export const invoicePagePaths: PagePaths = {
  matches: ['/invoices/*'],
  excludeMatches: ['/invoices/paid*', '/invoices/unpaid*', '/invoices/*/email*'],
};

export function isNewInvoicePage(url: URL): boolean {
  return path(url) === '/invoices/new';
}

/** A new or an existing invoice: both show the invoice form with its payment fields. */
export function isInvoicePage(url: URL): boolean {
  return /^\/invoices\/(new|\d+)$/.test(path(url));
}

export function isPaidListPage(url: URL): boolean {
  return path(url) === '/invoices/paid';
}

export function isUnpaidListPage(url: URL): boolean {
  return path(url) === '/invoices/unpaid';
}

export function isInvoiceListPage(url: URL): boolean {
  return isPaidListPage(url) || isUnpaidListPage(url);
}

export const invoiceListPagePaths: PagePaths = {
  matches: [...exactly('/invoices/paid'), ...exactly('/invoices/unpaid')],
  excludeMatches: [],
};

export const accountPagePaths: PagePaths = { matches: exactly('/account'), excludeMatches: [] };

export function isAccountPage(url: URL): boolean {
  return path(url) === '/account';
}

export function isEmailInvoicePage(url: URL): boolean {
  return /^\/invoices\/\d+\/email$/.test(path(url));
}

export const emailInvoicePagePaths: PagePaths = { matches: exactly('/invoices/*/email'), excludeMatches: [] };

export function isInvoiceSettingsPage(url: URL): boolean {
  return path(url) === '/settings/invoices';
}

/**
 * The kinds of site page that each load a content script of their own (an entrypoint
 * `<kind>.content`), so a page loads only the features that can run on it.
 */
export const sitePageScripts = {
  invoice: invoicePagePaths,
  'invoice-lists': invoiceListPagePaths,
  account: accountPagePaths,
  'email-invoice': emailInvoicePagePaths,
} as const satisfies Record<string, PagePaths>;

export type SitePageScript = keyof typeof sitePageScripts;
