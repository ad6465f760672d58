import { hc, type ClientRequestOptions } from 'hono/client';
import { safeParse, type $ZodType } from 'zod/v4/core';
import { isErrorBody } from '../../../shared/errors';
import type { AppType } from '../../../worker/src/app-type';
import { i18n } from '../i18n';
import { markDisconnected } from './connect/account-state';
import { currentWorkerUrl } from './settings/worker-url';
import { consultantToken } from './storage';

// The one way to the worker: Hono's typed client on the worker's own AppType, so every path and
// request body is checked against the worker's routes at compile time. Answers are still parsed
// with the shared zod schemas: a hostile or outdated worker must not crash the background. Every
// failure comes back as a value with a sentence to show; nothing here throws at a caller.

export type WorkerClient = ReturnType<typeof hc<AppType>>;

export function workerClient(
  workerUrl: string,
  fetchImpl: typeof fetch,
  headers: Record<string, string> = {},
): WorkerClient {
  return hc<AppType>(workerUrl, { fetch: fetchImpl, headers: { accept: 'application/json', ...headers } });
}

export type ApiResult<T> =
  { ok: true; data: T; status: number } | { ok: false; code: string; message: string; status: number };

/** A charge can wait on Stripe; beyond this the consultant is better told than left looking at a spinner. */
const API_TIMEOUT_MS = 30_000;

/** Codes the client makes itself (the worker's own codes are in shared/errors.ts). */
type ClientErrorCode = 'not_connected' | 'worker_unreachable' | 'worker_timeout' | 'bad_response' | 'http_error';

function failure(code: ClientErrorCode | string, message: string, status: number): ApiResult<never> {
  return { ok: false, code, message, status };
}

/** One request of `/api`, made with the typed client; `options` carries the timeout. */
export type ApiRequest = (api: WorkerClient['api'], options: ClientRequestOptions) => Promise<Response>;

/**
 * Calls the worker's /api with the consultant's token. `schema` may be a zod or zod/mini schema
 * (both are `$ZodType`). A 401 (`not_connected`, or a token the worker no longer knows) marks the
 * connection disconnected, so every Stripe control on the site says so and nothing charges.
 */
export async function callApi<T>(
  request: ApiRequest,
  schema: $ZodType<T>,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = API_TIMEOUT_MS,
): Promise<ApiResult<T>> {
  const token = await consultantToken.getValue();
  if (!token) return failure('not_connected', i18n.t('worker.neverConnected'), 401);
  const workerUrl = await currentWorkerUrl();
  let response: Response;
  try {
    const { api } = workerClient(workerUrl, fetchImpl, { authorization: `Bearer ${token}` });
    response = await request(api, { init: { signal: AbortSignal.timeout(timeoutMs) } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return failure('worker_timeout', i18n.t('worker.timeout', [timeoutMs / 1000]), 0);
    }
    return failure('worker_unreachable', i18n.t('worker.unreachable', [workerUrl]), 0);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }

  if (response.status === 401) {
    await markDisconnected(token);
    return failure('not_connected', i18n.t('reconnect.sentence'), 401);
  }
  if (!response.ok) {
    if (isErrorBody(body)) return failure(body.error.code, body.error.message, response.status);
    return failure('http_error', i18n.t('worker.httpError', [response.status]), response.status);
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    return failure('bad_response', i18n.t('worker.badResponse'), response.status);
  }
  return { ok: true, data: parsed.data, status: response.status };
}
