import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../shared/errors';
import type { AppEnv } from './env';
import { AppError } from './errors';

function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * The one place an error becomes a response. Known errors keep their code and sentence; anything
 * else is logged with the request id and answered with a generic sentence, so no stack, SQL or
 * Stripe key can reach a page.
 */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) return c.json(body(err.code, err.message), err.status);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code =
      status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'bad_request';
    return c.json(body(code, err.message || 'The request was not understood.'), status);
  }
  console.error(
    JSON.stringify({ level: 'error', requestId: c.get('requestId'), name: err.name, message: redact(err.message) }),
  );
  return c.json(
    body('internal', 'Something went wrong on our side. Nothing was charged by this request; try again in a minute.'),
    500,
  );
}

/** Keys must never reach logs either. */
export function redact(text: string): string {
  return text
    .replace(/\b(sk|rk|pk)_(test|live)_[A-Za-z0-9]+/g, '$1_$2_[redacted]')
    .replace(/whsec_[A-Za-z0-9]+/g, 'whsec_[redacted]');
}
