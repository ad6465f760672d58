import { invalidRequest, parameterMissing, parameterUnknown } from './errors.ts';
import type { Metadata } from './models.ts';

/** A form body or query string parsed by `qs` (nested `a[b][0]=` becomes objects and arrays). */
export type Params = { [key: string]: unknown };

/** Stripe rejects any parameter an endpoint does not know (`parameter_unknown`). */
export function rejectUnknown(params: Params, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (key === 'expand' && prefix === '') continue;
    if (!allowed.includes(key)) throw parameterUnknown(prefix ? `${prefix}[${key}]` : key);
  }
}

export function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { code: 'parameter_invalid_string', param: key });
  return value;
}

export function requiredString(params: Params, key: string): string {
  const value = optionalString(params, key);
  if (value === undefined || value === '') throw parameterMissing(key);
  return value;
}

/** Empty string means "unset" for nullable fields, as in Stripe's form encoding. */
export function nullableString(params: Params, key: string): string | null | undefined {
  const value = optionalString(params, key);
  return value === '' ? null : value;
}

export function optionalInteger(params: Params, key: string): number | undefined {
  const value = optionalString(params, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value))
    throw invalidRequest(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param: key });
  return Number(value);
}

export function requiredInteger(params: Params, key: string): number {
  const value = optionalInteger(params, key);
  if (value === undefined) throw parameterMissing(key);
  return value;
}

export function optionalBoolean(params: Params, key: string): boolean | undefined {
  const value = optionalString(params, key);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalidRequest(`Invalid boolean: ${value}`, { param: key });
  return value === 'true';
}

export function optionalEnum<T extends string>(params: Params, key: string, values: readonly T[]): T | undefined {
  const value = optionalString(params, key);
  if (value === undefined) return undefined;
  const match = values.find((v) => v === value);
  if (!match) throw invalidRequest(`Invalid ${key}: must be one of ${values.join(', ')}`, { param: key });
  return match;
}

export function optionalHash(params: Params, key: string): Params | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (!isParams(value)) throw invalidRequest(`Invalid object`, { param: key });
  return value;
}

export function optionalStringList(params: Params, key: string): string[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : isParams(value) ? Object.values(value) : [value];
  if (!items.every((item): item is string => typeof item === 'string'))
    throw invalidRequest(`Invalid array`, { param: key });
  return items;
}

/** Merge `metadata[...]` into existing metadata; an empty value deletes a key, `metadata=` clears all. */
export function mergeMetadata(existing: Metadata, params: Params): Metadata {
  const value = params.metadata;
  if (value === undefined) return existing;
  if (value === '') return {};
  if (!isParams(value)) throw invalidRequest('Invalid object', { param: 'metadata' });
  const merged: Metadata = { ...existing };
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalidRequest('Invalid string', { param: `metadata[${k}]` });
    if (k.length > 40)
      throw invalidRequest(`Metadata keys can have up to 40 characters. Key "${k}" has ${k.length}.`, {
        param: `metadata[${k}]`,
      });
    if (v.length > 500)
      throw invalidRequest(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters.`,
        { param: `metadata[${k}]` },
      );
    if (v === '') delete merged[k];
    else merged[k] = v;
  }
  if (Object.keys(merged).length > 50) throw invalidRequest('Metadata can have up to 50 keys.', { param: 'metadata' });
  return merged;
}

export function expandPaths(params: Params): string[] {
  return optionalStringList(params, 'expand') ?? [];
}
