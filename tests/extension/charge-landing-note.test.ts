import { afterEach, describe, expect, it, vi } from 'vitest';
import { leaveLandingNote, readLandingNote } from '../../extension/src/features/charge/landing-note';

// What a new invoice's Confirm has to say on the saved invoice it lands on.

function tab(): Window {
  const items = new Map<string, string>();
  const sessionStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  return { sessionStorage } as unknown as Window;
}

describe('the note for the invoice the consultant lands on', () => {
  afterEach(() => vi.useRealTimers());

  it('is read on the invoice it names, by every start of the page script, and not on another invoice', () => {
    const win = tab();
    leaveLandingNote(win, '1055', 'The invoice was saved.');
    expect(readLandingNote(win, '1055')).toBe('The invoice was saved.');
    expect(readLandingNote(win, '1055')).toBe('The invoice was saved.');
    expect(readLandingNote(win, '1056')).toBeNull();
  });

  it('is gone once it is old, so a later visit does not repeat it', () => {
    vi.useFakeTimers();
    const win = tab();
    leaveLandingNote(win, '1055', 'The invoice was saved.');
    vi.advanceTimersByTime(31_000);
    expect(readLandingNote(win, '1055')).toBeNull();
    expect(win.sessionStorage.getItem('qtsb-landing-note-1055')).toBeNull();
  });

  it('is nothing where the page has no session storage', () => {
    expect(readLandingNote(null, '1055')).toBeNull();
    expect(() => leaveLandingNote(null, '1055', 'x')).not.toThrow();
  });
});
