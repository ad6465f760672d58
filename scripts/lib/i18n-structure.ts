import { join, resolve } from 'node:path';
import { generateTypeText, parseMessagesFile } from '@wxt-dev/i18n/build';
import { format, resolveConfig } from 'prettier';

const root = resolve(import.meta.dirname, '../..');
export const STRUCTURE_FILE = join(root, 'extension/src/locales/structure.ts');

/** The English messages as `@wxt-dev/i18n` types them (what `wxt prepare` would put in .wxt/), formatted. */
export async function localeStructureText(): Promise<string> {
  const messages = await parseMessagesFile(join(root, 'extension/src/locales/en.yml'));
  const text = `// Generated from en.yml by scripts/i18n-types.ts: do not edit.\n${generateTypeText(messages)}`;
  return format(text, { ...(await resolveConfig(STRUCTURE_FILE)), filepath: STRUCTURE_FILE });
}
