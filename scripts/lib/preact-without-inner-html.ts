import type { Plugin } from 'vite';

/**
 * Our build of Preact without `dangerouslySetInnerHTML`: the one place in the bundle that assigned
 * `innerHTML` (Preact's diff, when a vnode carries that prop), which `web-ext lint` rightly warns
 * about. No code of ours renders HTML strings (tests/extension/no-html-strings.test.ts keeps it so); with
 * this, the branch throws instead, so no page text can ever reach the DOM as markup through Preact.
 * The build fails if Preact's code stops matching, rather than shipping the assignment unnoticed.
 */
export function preactWithoutInnerHtml(): Plugin {
  const assignment = /\(?(\w+)\.innerHTML=(\w+)\.__html\)?/g;
  return {
    name: 'preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0] ?? id)) return null;
      const replaced = code.replace(
        assignment,
        '(()=>{throw new Error("dangerouslySetInnerHTML is not supported by this extension")})()',
      );
      if (replaced === code) throw new Error(`preact-without-inner-html: no innerHTML assignment found in ${id}`);
      if (/\.innerHTML\s*=[^=]/.test(replaced))
        throw new Error(`preact-without-inner-html: ${id} still assigns innerHTML`);
      return { code: replaced, map: null };
    },
  };
}
