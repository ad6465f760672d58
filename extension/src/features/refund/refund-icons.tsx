// Inline SVG drawn by Preact (elements, never markup from strings): a bare arrow for "can be refunded", a filled disc for
// "refunded", so the two differ in shape and not only in colour. Each is decorative: the button
// around it carries the words.

const common = { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true', focusable: 'false' } as const;

/** An outlined U-turn arrow: money can go back to the card. */
export function RefundArrowIcon() {
  return (
    <svg
      {...common}
      fill="none"
      stroke="currentColor"
      stroke-width="2.4"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </svg>
  );
}

/** A filled disc with a white arrow: money went back to the card. */
export function RefundedIcon() {
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path
        d="M10 14.5 6.5 11 10 7.5M6.5 11h7a3.5 3.5 0 0 1 0 7H12"
        fill="none"
        stroke="#fff"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** A circled "i", drawn: the ⓘ character is missing from many system fonts. */
export function InfoIcon() {
  return (
    <svg {...common} width={16} height={16} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
      <circle cx="12" cy="12" r="10" />
      <path d="M12 11v6" />
      <circle cx="12" cy="7.5" r="0.6" fill="currentColor" />
    </svg>
  );
}
