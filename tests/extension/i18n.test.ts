import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../extension/src/i18n';
import { localeStructureText, STRUCTURE_FILE } from '../../scripts/lib/i18n-structure';

const srcDir = join(import.meta.dirname, '../../extension/src');

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.(ts|tsx)$/.test(entry.name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

describe("the extension's words", () => {
  it('come from locales/en.yml, whose key types are up to date (else run `npx tsx scripts/i18n-types.ts`)', async () => {
    expect(readFileSync(STRUCTURE_FILE, 'utf8')).toBe(await localeStructureText());
  });

  it('are each used somewhere: no message left behind in en.yml', async () => {
    const code = sources(srcDir) + readFileSync(join(srcDir, '../wxt.config.ts'), 'utf8');
    const keys = (await parseMessagesFile(join(srcDir, 'locales/en.yml'))).map((message) => message.key.join('.'));
    const unused = keys.filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key.replace('.', '_')}__`),
    );
    expect(unused).toEqual([]);
  });

  it('use positional values only, which is all the wrapper (src/i18n.ts) fills in', async () => {
    const messages = await parseMessagesFile(join(srcDir, 'locales/en.yml'));
    const fancy = messages.filter((message) => message.type === 'plural' || message.namedSubstitutions.length > 0);
    expect(fancy.map((message) => message.key.join('.'))).toEqual([]);
  });

  it('fill in their values as the browser does', () => {
    expect(i18n.t('health.ok', ['0.1.0'])).toBe('Stripe payments are available (version 0.1.0).');
    expect(i18n.t('entry.accountLine', ["Jane's Beauty Studio", 'Test mode'])).toBe("Jane's Beauty Studio (Test mode)");
    expect(i18n.t('settings.title')).toBe('Stripe Settings');
  });
});
