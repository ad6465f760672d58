/** Where `npm run build` leaves the unpacked builds (relative to the repository root). */
export const EXTENSION_OUTPUT = {
  chrome: 'extension/.output/chrome-mv3',
  firefox: 'extension/.output/firefox-mv2',
} as const;
