// The "Email Invoice" page: a compose form (To, Subject, Message) the site fills from its template
// with the default gateway's payment link. A Stripe default gateway replaces that link with the
// invoice's Stripe payment link in what is actually posted, not only in what the consultant sees.

/** The payment link the site put in this email (its "Payment Link" header), or null on other pages. */
export function findEmailPaymentLink(doc: ParentNode): HTMLAnchorElement | null {
  const labelled = Array.from(doc.querySelectorAll('dt')).find(
    (dt) => (dt.textContent ?? '').trim() === 'Payment Link',
  );
  return labelled?.nextElementSibling?.querySelector<HTMLAnchorElement>('a[href]') ?? null;
}

/** Every link of the page that points at the email's payment page. */
export function findEmailPaymentLinks(doc: ParentNode): HTMLAnchorElement[] {
  const href = findEmailPaymentLink(doc)?.getAttribute('href');
  if (!href) return [];
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((a) => a.getAttribute('href') === href);
}

/** The form Send Email posts: the one holding the message. */
export function findEmailForm(doc: ParentNode): HTMLFormElement | null {
  return findEmailMessage(doc)?.closest('form') ?? null;
}

/** The message the site will send, as a text field the consultant may edit: the textarea labelled "Message". */
export function findEmailMessage(doc: ParentNode): HTMLTextAreaElement | null {
  const label = Array.from(doc.querySelectorAll('label')).find((l) => (l.textContent ?? '').trim() === 'Message');
  const id = label?.getAttribute('for');
  if (!id) return null;
  return Array.from(doc.querySelectorAll<HTMLTextAreaElement>('form textarea')).find((area) => area.id === id) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for the gateway's payment page in any of its forms: the exact link, or the same page
 * with another query (a link pasted back from elsewhere, another invoice's link).
 */
function gatewayLinkPattern(gatewayHref: string, base: string): RegExp {
  let page = gatewayHref;
  try {
    const url = new URL(gatewayHref, base);
    page = `${url.origin}${url.pathname}`;
  } catch {
    // not a URL: only the exact text is replaced
  }
  return new RegExp(`${escapeRegExp(page)}(?:\\?[^\\s<>"']*)?`, 'g');
}

/**
 * Points the email at `url`: the links on the page (text included) and every text field of the
 * compose form (the message, and the subject if the consultant put the link there). Returns how
 * many places changed.
 */
export function replaceEmailPaymentLinks(doc: ParentNode, gatewayHref: string, url: string, base: string): number {
  let changed = 0;
  for (const link of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (link.getAttribute('href') !== gatewayHref) continue;
    if ((link.textContent ?? '').trim() === gatewayHref) link.textContent = url;
    link.setAttribute('href', url);
    changed += 1;
  }
  const form = findEmailForm(doc);
  const pattern = gatewayLinkPattern(gatewayHref, base);
  const fields = form
    ? Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"]'))
    : [];
  for (const field of fields) {
    const next = field.value.replace(pattern, url);
    if (next === field.value) continue;
    field.value = next;
    changed += 1;
  }
  return changed;
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
