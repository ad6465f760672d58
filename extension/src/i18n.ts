import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from './locales/structure';

// Every word the extension shows comes from locales/en.yml. @wxt-dev/i18n's WXT module turns that
// file into _locales/en/messages.json at build time, and its parser types the keys
// (locales/structure.ts). At run time this wrapper asks browser.i18n.getMessage directly: the
// library's own runtime (plurals, named values) cost every site page ~0.4 KB gzip, which the invoice
// page's 15 KB budget does not have. So messages use positional values only ($1…$9; $$ for "$"),
// and tests/extension/i18n.test.ts keeps plural and {named} forms out of en.yml.

type MessageKey = keyof GeneratedI18nStructure;
type Value = string | number;
type Values<N extends number, T extends Value[] = []> = T['length'] extends N ? T : Values<N, [...T, Value]>;
type ValuesOf<K extends MessageKey> = GeneratedI18nStructure[K]['substitutions'] extends 0
  ? []
  : [values: Values<GeneratedI18nStructure[K]['substitutions']>];

// WXT types getMessage's names from .wxt/ (made by `wxt prepare`), which a clean clone lacks; the
// keys are checked above instead.
// Without .wxt/ the type has no getMessage at all, hence the cast through unknown. Read at call time:
// the site adapter (site/forms.ts, through components/stripe-note.ts) is imported by Node tests that
// have no browser and never ask for a message.
type Messages = { getMessage(name: string, substitutions?: string[]): string };
const getMessage = (name: string, values?: string[]): string =>
  (browser.i18n as unknown as Messages).getMessage(name, values);

export const i18n = {
  /** The message `group.key` of en.yml, with its $1…$9 filled from `values`. */
  t<K extends MessageKey>(key: K, ...[values]: ValuesOf<K>): string {
    return getMessage(key.replaceAll('.', '_'), (values as Value[] | undefined)?.map(String));
  },
};
