// The "Email Invoice" page: the links to the default gateway's payment page, which a Stripe default
// gateway replaces with a Stripe payment link.

/** Every link in the email (headers and body) that points at the payment page. */
export function findEmailPaymentLinks(doc: ParentNode): HTMLAnchorElement[] {
  const labelled = Array.from(doc.querySelectorAll('dt')).find((dt) => (dt.textContent ?? '').trim() === 'Payment Link');
  const headerLink = labelled?.nextElementSibling?.querySelector<HTMLAnchorElement>('a[href]');
  if (!headerLink) return [];
  const href = headerLink.getAttribute('href');
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((a) => a.getAttribute('href') === href);
}
