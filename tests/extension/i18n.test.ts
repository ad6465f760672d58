import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../extension/src/i18n';
import { localeStructureText, STRUCTURE_FILE } from '../../scripts/lib/i18n-structure';
import { wordsInCode, wordsInSource } from './words-in-code';

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

/** Where the consultant's words could hide: every folder of code that draws, says or answers something. */
const FOLDERS_WITH_WORDS = ['features', 'components', 'background', 'utils', 'entrypoints'] as const;

/** Card brands are names, the same in every language; a card's label puts them in a message. */
const BRAND_NAMES = new Set(['American Express', 'Diners Club']);

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

  it('are not written in the code: no text on screen and no sentence outside i18n.t', () => {
    const written = wordsInCode(srcDir, FOLDERS_WITH_WORDS).filter(({ text }) => !BRAND_NAMES.has(text));
    expect(written.map(({ file, text }) => `${file}: ${text}`)).toEqual([]);
  });

  it('are found in code wherever a consultant would read them, and only there', () => {
    const sample = `
      import { i18n } from './i18n';
      type Reason = 'Requested by the customer';
      const css = ':host{display:block !important;color:#2b2b2b}';
      export function View({ busy, n }: { busy: boolean; n: string }) {
        console.warn('[stripe-bridge] Feature failed to start');
        if (!n) throw new Error('Feature "x" is defined twice');
        const problem = \`Invoice \${n} could not be read.\`;
        return (
          <p class="muted" data-testid="stripe-note" aria-label="Why no refund" placeholder="https://office.example.com">
            Refund of {n} pending. {busy ? 'Saving…' : i18n.t('settings.title')} {problem}
          </p>
        );
      }`;
    expect(wordsInSource(sample, 'tsx')).toEqual([
      'Invoice X could not be read.',
      'Why no refund',
      'Refund of',
      'pending.',
      'Saving…',
    ]);
  });

  it('fill in their values as the browser does', () => {
    expect(i18n.t('health.ok', ['0.1.0'])).toBe('Stripe payments are available (version 0.1.0).');
    expect(i18n.t('entry.accountLine', ["Jane's Beauty Studio", 'Test mode'])).toBe("Jane's Beauty Studio (Test mode)");
    expect(i18n.t('settings.title')).toBe('Stripe Settings');
  });
});
