// A sentence for the invoice page the consultant lands on next (a new invoice saved, then charged, is
// shown at its own address): kept in the tab's session storage, shown once.

const KEY = 'qtsb-landing-note-';

/** The tab's session storage, or null where there is none (storage blocked, a parsed page). */
function tabStorage(win: Window | null): Storage | null {
  try {
    return win?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function leaveLandingNote(win: Window | null, invoiceNumber: string, text: string): void {
  tabStorage(win)?.setItem(`${KEY}${invoiceNumber}`, text);
}

export function takeLandingNote(win: Window | null, invoiceNumber: string): string | null {
  const storage = tabStorage(win);
  const text = storage?.getItem(`${KEY}${invoiceNumber}`) ?? null;
  if (text !== null) storage?.removeItem(`${KEY}${invoiceNumber}`);
  return text;
}
