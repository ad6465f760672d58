import { describe, expect, it } from 'vitest';
import { EXAMPLE_REAL_SITE_ORIGIN, sitePageMatches } from '../../../extension/src/config';
import {
  accountPagePaths,
  accountPageUrls,
  emailInvoicePagePaths,
  emailInvoicePageUrls,
  existingInvoicePageUrls,
  invoiceListPagePaths,
  invoicePagePaths,
  invoicePageUrls,
  invoiceSettingsPageUrls,
  isAccountPage,
  isEmailInvoicePage,
  isInvoiceListPage,
  isInvoicePage,
  isInvoiceSettingsPage,
  isNewInvoicePage,
  isPaidListPage,
  isUnpaidListPage,
  newInvoicePageUrls,
  otherPageUrls,
  paidListPageUrls,
  unpaidListPageUrls,
  type PagePaths,
} from '../../../extension/src/site/pages';
import { scriptRunsOn } from '../../../scripts/lib/match-pattern';

const predicates = {
  isInvoicePage,
  isNewInvoicePage,
  isPaidListPage,
  isUnpaidListPage,
  isInvoiceListPage,
  isAccountPage,
  isEmailInvoicePage,
  isInvoiceSettingsPage,
};
type PredicateName = keyof typeof predicates;

const claims: Record<PredicateName, string[]> = {
  isInvoicePage: invoicePageUrls,
  isNewInvoicePage: newInvoicePageUrls,
  isPaidListPage: paidListPageUrls,
  isUnpaidListPage: unpaidListPageUrls,
  isInvoiceListPage: [...paidListPageUrls, ...unpaidListPageUrls],
  isAccountPage: accountPageUrls,
  isEmailInvoicePage: emailInvoicePageUrls,
  isInvoiceSettingsPage: invoiceSettingsPageUrls,
};

const everyExample = [
  ...invoicePageUrls,
  ...paidListPageUrls,
  ...unpaidListPageUrls,
  ...accountPageUrls,
  ...emailInvoicePageUrls,
  ...invoiceSettingsPageUrls,
  ...otherPageUrls,
];

describe('page predicates', () => {
  for (const [name, urls] of Object.entries(claims) as Array<[PredicateName, string[]]>) {
    it(`${name} accepts its example URLs and no other example`, () => {
      for (const url of everyExample) expect(predicates[name](new URL(url)), url).toBe(urls.includes(url));
    });
  }

  it('treats an existing invoice as an invoice page but not as a new one', () => {
    for (const url of existingInvoicePageUrls) {
      expect(isInvoicePage(new URL(url))).toBe(true);
      expect(isNewInvoicePage(new URL(url))).toBe(false);
    }
  });

  it('looks at the path only, whatever the origin', () => {
    expect(isPaidListPage(new URL('https://office.qt-office-manager.example/invoices/paid'))).toBe(true);
  });

  it('does not mistake the email page of an invoice for the invoice form', () => {
    expect(isInvoicePage(new URL('http://127.0.0.1:8788/invoices/1042/email'))).toBe(false);
  });
});

describe('manifest path patterns of the pages with a content script', () => {
  const withPaths: Array<[string, PagePaths, (url: URL) => boolean]> = [
    ['invoice page', invoicePagePaths, isInvoicePage],
    ['Paid and Unpaid lists', invoiceListPagePaths, isInvoiceListPage],
    ['Account tab', accountPagePaths, isAccountPage],
    ['Email Invoice page', emailInvoicePagePaths, isEmailInvoicePage],
  ];
  // What the browser would load the script on, in a sandbox build (127.0.0.1 and localhost).
  const loadsOn = (paths: PagePaths, url: URL, mode = 'sandbox') => {
    const { matches, excludeMatches } = sitePageMatches(paths, mode);
    return scriptRunsOn({ matches, exclude_matches: excludeMatches }, url);
  };

  for (const [page, paths, predicate] of withPaths) {
    it(`load the ${page} script on exactly the example URLs its predicate accepts`, () => {
      for (const url of everyExample) expect(loadsOn(paths, new URL(url)), url).toBe(predicate(new URL(url)));
    });

    it(`load the ${page} script on the real site's pages alike in production builds`, () => {
      for (const example of everyExample) {
        const { pathname, search } = new URL(example);
        const url = new URL(`${pathname}${search}`, EXAMPLE_REAL_SITE_ORIGIN);
        expect(loadsOn(paths, url, 'production'), url.href).toBe(predicate(url));
        expect(loadsOn(paths, new URL(example), 'production'), `${example} is not the real site`).toBe(false);
      }
    });
  }

  it('load the list script on a list page opened with a query, and no script on a look-alike path', () => {
    expect(loadsOn(invoiceListPagePaths, new URL('http://127.0.0.1:8788/invoices/paid?page=2'))).toBe(true);
    expect(loadsOn(invoicePagePaths, new URL('http://127.0.0.1:8788/invoices/paid?page=2'))).toBe(false);
    expect(loadsOn(accountPagePaths, new URL('http://127.0.0.1:8788/accounts'))).toBe(false);
  });
});
