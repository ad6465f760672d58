import { safeParse, type $ZodType } from 'zod/v4/core';
import { isErrorBody } from '../../../shared/errors';
import { markDisconnected } from './connect/account-state';
import { consultantToken } from './storage';
import { currentWorkerUrl } from './settings/worker-url';

// The one place that calls the worker's /api with the consultant's token. Every failure comes back
// as a value with a sentence to show; nothing here throws at a caller.

export type ApiResult<T> =
  | { ok: true; data: T; status: number }
  /** `body` is the parsed JSON of an error answer, for errors that carry more (402 `{error, payment}`). */
  | { ok: false; code: string; message: string; status: number; body?: unknown };

export interface ApiInit {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Defaults to API_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** A charge can wait on Stripe; beyond this the consultant is better told than left looking at a spinner. */
export const API_TIMEOUT_MS = 30_000;

export const NOT_CONNECTED_MESSAGE = 'Stripe disconnected — reconnect in Stripe Settings.';
export const NEVER_CONNECTED_MESSAGE = 'Stripe is not connected yet. Connect your Stripe account in Stripe Settings.';

/** Codes the client makes itself (the worker's own codes are in shared/errors.ts). */
export type ClientErrorCode = 'not_connected' | 'worker_unreachable' | 'worker_timeout' | 'bad_response' | 'http_error';

function failure(code: ClientErrorCode | string, message: string, status: number, body?: unknown): ApiResult<never> {
  return body === undefined ? { ok: false, code, message, status } : { ok: false, code, message, status, body };
}

/**
 * Calls `<worker>/api<path>`. `schema` may be a zod or zod/mini schema (both are `$ZodType`). A 401 (`not_connected`, or a token the worker no longer knows) marks
 * the connection disconnected, so every Stripe control on the site says so and nothing charges.
 */
export async function callApi<T>(path: string, init: ApiInit, schema: $ZodType<T>, fetchImpl: typeof fetch = fetch): Promise<ApiResult<T>> {
  const token = await consultantToken.getValue();
  if (!token) return failure('not_connected', NEVER_CONNECTED_MESSAGE, 401);
  const workerUrl = await currentWorkerUrl();
  const timeoutMs = init.timeoutMs ?? API_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetchImpl(new URL(`/api${path}`, workerUrl), {
      method: init.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return failure('worker_timeout', `The Stripe bridge worker did not answer within ${timeoutMs / 1000} seconds.`, 0);
    }
    return failure('worker_unreachable', `The Stripe bridge worker could not be reached at ${workerUrl}.`, 0);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }

  if (response.status === 401) {
    await markDisconnected(token);
    return failure('not_connected', NOT_CONNECTED_MESSAGE, 401, body);
  }
  if (!response.ok) {
    if (isErrorBody(body)) return failure(body.error.code, body.error.message, response.status, body);
    return failure('http_error', `The Stripe bridge worker answered with an error (HTTP ${response.status}).`, response.status, body);
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    return failure('bad_response', 'The Stripe bridge worker gave an answer this extension does not understand. Is the extension up to date?', response.status);
  }
  return { ok: true, data: parsed.data, status: response.status };
}
