// The structure report: what a maintainer needs to fit the adapter to a layout it does not know
// (tag names, ids, names, classes, labels, table headers, button words), and nothing a customer or
// consultant typed or the site printed as data. It is written as indented HTML, so the adapter's
// own shape checks run on it as on the page (tests/extension/site/structure.test.ts).
//
// Kept: elements, their id/name/class/for/type/role/hidden attributes, link and form targets as
// paths, and the own text of elements that label things (labels, headers, legends, headings,
// buttons, links). Dropped: every value (a textarea is kept empty), every other text, option words, scripts. Digits become
// "#" everywhere (amounts, card, phone and invoice numbers), e-mail addresses "…", and link words
// that read like a name (capitalised words only, as "Jane Cooper") are dropped.
//
// The background runs it in the page (scripting.executeScript serialises the function), so the
// content script every page loads does not carry it: it is one self-contained function, and reads
// the page it runs in only when no document is handed to it (tests hand it a saved page).

/** The structure report of `doc` at `pageUrl`; `missing` names the shape checks the page failed. */
export function structureReport(missing: string[], version: string, doc?: Document, pageUrl?: string): string {
  const page = doc ?? globalThis.document;
  const base = pageUrl ?? page.URL;
  const SKIPPED = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|IFRAME|OPTION)$/i;
  const LABELLING = /^(LABEL|TH|DT|LEGEND|CAPTION|SUMMARY|BUTTON|A|H\d)$/i;
  const ATTRIBUTES = ['id', 'name', 'class', 'for', 'type', 'role', 'hidden', 'href', 'action'];
  const scrub = (text: string) =>
    text
      .replace(/\S+@\S+/g, '…')
      .replace(/\d[\d\s,.:/-]*/g, '#')
      .replace(/\s+/g, ' ')
      .trim();
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  // A link or form target as a path on the page's site: query values, and segments with digits or long ones, dropped.
  const scrubPath = (target: string) => {
    const url = URL.canParse(target, base) ? new URL(target, base) : null;
    if (!url || url.origin !== new URL(base).origin) return 'elsewhere';
    const path = url.pathname.replace(/[^/]+/g, (segment) => (/^[a-z][a-z._-]{0,23}$/i.test(segment) ? segment : '#'));
    const keys = [...new Set(url.searchParams.keys())].map((key) => `${scrub(key)}=`);
    return keys.length > 0 ? `${path}?${keys.join('&')}` : path;
  };
  const ownText = (el: Element) => {
    const text = scrub(Array.from(el.childNodes, (node) => (node.nodeType === 3 ? node.textContent : ' ')).join(''));
    // A link's words may be a customer's name; the site's own links read as phrases or single words.
    return el.tagName.toUpperCase() === 'A' && /^[A-Z]\S*( [A-Z]\S*)+$/.test(text) ? '' : text;
  };
  const out = [
    `<!-- QT Stripe Bridge ${escape(version)} structure report of ${escape(scrubPath(base))}; missing: ${escape(missing.join(', ') || 'nothing')} -->`,
  ];
  const lines = (el: Element, indent: string): void => {
    const tag = el.tagName.toLowerCase();
    if (SKIPPED.test(tag)) return;
    let start = `${indent}<${tag}`;
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      // An empty value says nothing (and some DOMs answer "" for an absent class), but `hidden` is its presence.
      if (value !== null && (value !== '' || name === 'hidden'))
        start += ` ${name}="${escape(name === 'href' || name === 'action' ? scrubPath(value) : scrub(value.replace(/\d+/g, '#')))}"`;
    }
    start += `>${LABELLING.test(tag) ? escape(ownText(el)) : ''}`;
    const children = Array.from(el.children);
    if (children.length === 0) return void out.push(`${start}</${tag}>`);
    out.push(start);
    for (const child of children) lines(child, `${indent}  `);
    out.push(`${indent}</${tag}>`);
  };
  if (page.body) lines(page.body, '');
  return out.join('\n');
}
