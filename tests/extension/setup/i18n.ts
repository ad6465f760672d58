import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing';

// WXT's fakeBrowser leaves browser.i18n unimplemented. It answers here from the English messages,
// converted as the build converts them, with the browser's substitution rules ($1…$9, $$ for $), so
// a test reads the words a consultant reads. fakeBrowser.reset() keeps it (i18n has no state).
const messages = generateChromeMessages(
  parseMessagesText(
    readFileSync(resolve(import.meta.dirname, '../../../extension/src/locales/en.yml'), 'utf8'),
    'YAML',
  ),
);

fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | string[]) => {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_match, what: string) =>
    what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
  );
};
