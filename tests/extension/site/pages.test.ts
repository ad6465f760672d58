import { describe, expect, it } from 'vitest';
import {
  accountPageUrls, emailInvoicePageUrls, existingInvoicePageUrls, invoicePageUrls, invoiceSettingsPageUrls, isAccountPage, isEmailInvoicePage,
  isInvoiceListPage, isInvoicePage, isInvoiceSettingsPage, isNewInvoicePage, isPaidListPage, isUnpaidListPage, newInvoicePageUrls, otherPageUrls,
  paidListPageUrls, unpaidListPageUrls,
} from '../../../extension/src/site/pages';

const predicates = { isInvoicePage, isNewInvoicePage, isPaidListPage, isUnpaidListPage, isInvoiceListPage, isAccountPage, isEmailInvoicePage, isInvoiceSettingsPage };
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

const everyExample = [...invoicePageUrls, ...paidListPageUrls, ...unpaidListPageUrls, ...accountPageUrls, ...emailInvoicePageUrls, ...invoiceSettingsPageUrls, ...otherPageUrls];

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
