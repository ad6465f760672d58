/**
 * Writes extension/src/locales/structure.ts, the type of every message in en.yml (its keys and how
 * many $1…$9 each takes), so `i18n.t` is type-checked without `wxt prepare`. Run after changing
 * en.yml: `npx tsx scripts/i18n-types.ts`; tests/extension/i18n.test.ts fails while it is stale.
 */
import { writeFileSync } from 'node:fs';
import { localeStructureText, STRUCTURE_FILE } from './lib/i18n-structure';

writeFileSync(STRUCTURE_FILE, await localeStructureText());
console.log('extension/src/locales/structure.ts written');
