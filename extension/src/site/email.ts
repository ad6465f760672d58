// The "Email Invoice" page: the links to the default gateway's payment page, which a Stripe default
// gateway replaces with a Stripe payment link.

/** Every link in the email (headers and body) that points at the payment page. */
export function findEmailPaymentLinks(doc: ParentNode): HTMLAnchorElement[] {
  const labelled = Array.from(doc.querySelectorAll('dt')).find(
    (dt) => (dt.textContent ?? '').trim() === 'Payment Link',
  );
  const headerLink = labelled?.nextElementSibling?.querySelector<HTMLAnchorElement>('a[href]');
  if (!headerLink) return [];
  const href = headerLink.getAttribute('href');
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((a) => a.getAttribute('href') === href);
}

/** Points every payment link of the email at `url` (a Stripe payment link), text included. */
export function replaceEmailPaymentLinks(doc: ParentNode, url: string): number {
  const links = findEmailPaymentLinks(doc);
  for (const link of links) {
    if ((link.textContent ?? '').trim() === link.getAttribute('href')) link.textContent = url;
    link.setAttribute('href', url);
  }
  return links.length;
}

/** The invoice this email is for ("Back to Invoice"), where its customer and balance can be read. */
export function findEmailInvoiceLink(doc: ParentNode): string | null {
  return findBackToInvoiceLink(doc)?.getAttribute('href') ?? null;
}

/** The "Back to Invoice" link itself. */
export function findBackToInvoiceLink(doc: ParentNode): HTMLAnchorElement | null {
  return (
    Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).find(
      (a) => (a.textContent ?? '').trim() === 'Back to Invoice',
    ) ?? null
  );
}
