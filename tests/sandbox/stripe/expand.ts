import { invalidRequest } from './errors.ts';
import { snapshot } from './objects.ts';
import type { SimState } from './state.ts';

type Json = { [key: string]: unknown };

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields Stripe lets you expand; expanding anything else is an error, as on Stripe. */
const EXPANDABLE = new Set([
  'customer',
  'payment_method',
  'latest_charge',
  'balance_transaction',
  'charge',
  'payment_intent',
  'source',
  'failure_balance_transaction',
  'invoice_settings.default_payment_method',
  'default_source',
  'latest_attempt',
  'data',
]);

function expandOne(state: SimState, account: string, value: unknown, segments: string[], fullPath: string): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => expandOne(state, account, item, segments, fullPath));
  if (!isJson(value)) return value;
  if (!(head in value)) throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
  let field = value[head];
  if (typeof field === 'string') {
    const stored = state.objects.get(field);
    if (stored && stored.account === account) field = snapshot(stored.data);
  } else if (field !== null && !isJson(field) && !Array.isArray(field)) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
  }
  return { ...value, [head]: expandOne(state, account, field, rest, fullPath) };
}

/** Applies `expand[]` paths such as `latest_charge.balance_transaction` or `data.customer` to a response body. */
export function applyExpand(state: SimState, account: string, body: unknown, paths: string[]): unknown {
  let out = body;
  for (const path of paths) {
    const segments = path.split('.');
    const last = segments[segments.length - 1] ?? '';
    if (segments.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, {
        param: 'expand',
      });
    if (!EXPANDABLE.has(last) && !EXPANDABLE.has(segments.slice(-2).join('.')))
      throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    out = expandOne(state, account, out, segments, path);
  }
  return out;
}
