// The site prints money as "$1,234.50" (negative: "-$5.00"). Parsed by string so an amount never
// passes through a float.

/** "$1,234.50" → 123450; null when the text is not a dollar amount. */
export function parseDollarText(text: string): number | null {
  const m = /^(-)?\$?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = Number((m[2] ?? '').replace(/,/g, '')) * 100 + Number(m[3] ?? '0');
  return m[1] ? -cents : cents;
}

/** 123450 → "1234.50", the way the site's amount inputs expect it (no "$", no commas). */
export function centsToInputText(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** "03/05/2025" → "2025-03-05"; null when not a site date. */
export function parseSiteDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(text.trim());
  return m ? `${m[3]}-${m[1]}-${m[2]}` : null;
}

/** 123450 → "$1,234.50", as the site prints money (its pages are in US dollars). */
export function formatSiteMoney(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A moment (ms since 1970) as the site prints a date, "MM/DD/YYYY", on the consultant's calendar. */
export function formatSiteDate(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}/${two(d.getDate())}/${d.getFullYear()}`;
}
