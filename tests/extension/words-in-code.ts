import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';

// Finds words a consultant would read that are written in the code instead of locales/en.yml: JSX
// text, the text of aria-label/title/placeholder/alt, a string shown straight from JSX
// (`{busy ? 'Saving…' : 'Save'}`), and any other string or template that reads like a sentence
// (a capitalised word followed by another word, or three words in a row). The key and values of
// `i18n.t(…)`, console lines, imports and types are not words on screen. Parsed with Vite's own
// parser (oxc), so comments and regular expressions never count.

interface Node {
  type: string;
  [key: string]: unknown;
}

/** One piece of text found in the code: the file (relative to extension/src) and the text, `${…}` read as X. */
interface WordsInCode {
  file: string;
  text: string;
}

/** Attributes whose value a browser shows or reads aloud. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
]);

/** TypeScript wrappers around an expression; every other TS node is a type and holds no words. */
const TS_EXPRESSIONS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
]);

/** Keys that hold types, not values. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments']);

const SENTENCE = /\b[A-Z][A-Za-z']*\s+[A-Za-z]{2,}|\b[a-z']{2,}(?: [a-z']{2,}){2,}/;
const A_WORD = /[A-Za-z]{2,}/;
/** An example address (a placeholder's `https://office.example.com`) reads the same in every language. */
const AN_ADDRESS = /^[a-z]+:\/\/\S+$/;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function memberName(node: unknown): string | null {
  if (!isNode(node) || node.type !== 'MemberExpression' || node.computed) return null;
  const object = node.object;
  const property = node.property;
  if (!isNode(object) || object.type !== 'Identifier' || !isNode(property)) return null;
  return `${String(object.name)}.${String(property.name)}`;
}

/**
 * Calls whose arguments are not words on screen: the message key and values of i18n.t, log lines,
 * and errors thrown for a developer (`new Error(…)`), which a consultant never reads.
 */
function isQuietCall(node: Node): boolean {
  if (node.type === 'NewExpression')
    return isNode(node.callee) && node.callee.type === 'Identifier' && /Error$/.test(String(node.callee.name));
  if (node.type !== 'CallExpression') return false;
  const name = memberName(node.callee);
  return name === 'i18n.t' || (name?.startsWith('console.') ?? false);
}

/** The text of a template with each `${…}` read as X. */
function templateText(node: Node): string {
  const quasis = node.quasis as Node[];
  return quasis.map((quasi) => String((quasi.value as { cooked?: string }).cooked ?? '')).join('X');
}

function textsOfFile(text: string, lang: 'ts' | 'tsx'): { text: string; shown: boolean }[] {
  const found: { text: string; shown: boolean }[] = [];
  // `shown`: the value lands in the page as it is (JSX text, a spoken attribute, `{cond ? 'a' : 'b'}`).
  const visit = (node: Node, shown: boolean): void => {
    if (node.type === 'ImportDeclaration' || node.type === 'ImportExpression') return;
    if (node.type.startsWith('TS') && !TS_EXPRESSIONS.has(node.type)) return;
    if (isQuietCall(node)) return;
    if (node.type === 'Literal' && typeof node.value === 'string') {
      found.push({ text: node.value, shown });
      return;
    }
    if (node.type === 'TemplateLiteral') {
      found.push({ text: templateText(node), shown });
      for (const expression of node.expressions as Node[]) visit(expression, false);
      return;
    }
    if (node.type === 'JSXText') {
      found.push({ text: String(node.value), shown: true });
      return;
    }
    if (node.type === 'JSXAttribute') {
      const name = isNode(node.name) ? String(node.name.name) : '';
      const spoken = SPOKEN_ATTRIBUTES.has(name);
      if (isNode(node.value) && (spoken || node.value.type !== 'Literal')) visit(node.value, spoken);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (TYPE_KEYS.has(key) || key === 'source') continue;
      // A value stays shown through the parts of `a ? b : c`, `a && b`, `a ?? b` and brackets only.
      const passes =
        node.type === 'JSXExpressionContainer' ||
        node.type === 'ParenthesizedExpression' ||
        (node.type === 'ConditionalExpression' && key !== 'test') ||
        (node.type === 'LogicalExpression' && key === 'right') ||
        (node.type === 'JSXElement' && key === 'children') ||
        (node.type === 'JSXFragment' && key === 'children');
      const childShown = node.type === 'JSXElement' || node.type === 'JSXFragment' ? passes : passes && shown;
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child, childShown);
    }
  };
  const { program, errors } = parseSync(`file.${lang}`, text, { lang });
  if (errors.length > 0) throw new Error(`could not parse: ${errors.map((e) => e.message).join('; ')}`);
  visit(program as unknown as Node, false);
  return found;
}

/** The words a consultant would read in one file's code, spaces collapsed. */
export function wordsInSource(text: string, lang: 'ts' | 'tsx'): string[] {
  return textsOfFile(text, lang)
    .filter(({ text, shown }) => (shown ? A_WORD.test(text) && !AN_ADDRESS.test(text) : SENTENCE.test(text)))
    .map(({ text }) => text.replace(/\s+/g, ' ').trim());
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Every word a consultant would read that sits in the code under `folders` (relative to `srcDir`). */
export function wordsInCode(srcDir: string, folders: readonly string[]): WordsInCode[] {
  return folders.flatMap((folder) =>
    sourceFiles(join(srcDir, folder)).flatMap((path) =>
      wordsInSource(readFileSync(path, 'utf8'), path.endsWith('.tsx') ? 'tsx' : 'ts').map((text) => ({
        file: relative(srcDir, path),
        text,
      })),
    ),
  );
}
