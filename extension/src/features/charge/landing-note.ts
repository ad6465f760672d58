// A sentence for the invoice page the consultant lands on next (a new invoice saved, then charged, is
// shown at its own address): kept in the tab's session storage for a short while. It is not removed
// when read: the page's script can start more than once while the page loads (an older instance is
// then invalidated), and every instance must find it.

const KEY = 'qtsb-landing-note-';
const KEPT_MS = 30_000;

/** The tab's session storage, or null where there is none (storage blocked, a parsed page). */
function tabStorage(win: Window | null): Storage | null {
  try {
    return win?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function leaveLandingNote(win: Window | null, invoiceNumber: string, text: string): void {
  tabStorage(win)?.setItem(`${KEY}${invoiceNumber}`, JSON.stringify({ text, until: Date.now() + KEPT_MS }));
}

export function readLandingNote(win: Window | null, invoiceNumber: string): string | null {
  const storage = tabStorage(win);
  const saved = storage?.getItem(`${KEY}${invoiceNumber}`);
  if (!saved) return null;
  try {
    const note = JSON.parse(saved) as { text?: unknown; until?: unknown };
    if (typeof note.text === 'string' && typeof note.until === 'number' && note.until > Date.now()) return note.text;
  } catch {
    // not ours any more
  }
  storage?.removeItem(`${KEY}${invoiceNumber}`);
  return null;
}
