import { storage } from 'wxt/utils/storage';
import {
  CONNECT_FAILURES,
  redeemResponseSchema,
  type ConnectFailure,
  type RedeemResponse,
} from '../../../../shared/api';
import { safeParse } from 'zod/v4/core';
import { isErrorBody } from '../../../../shared/errors';
import { i18n } from '../../i18n';
import { rememberConnection } from './account-state';
import { workerClient } from '../worker-client';
import { browserLabel } from './browser-label';

// The extension's half of Connect: a PKCE-style verifier only the background knows, so the one-time
// code on the worker's /connect/done page is useless to anyone who reads that page.

/** As long as the worker keeps the matching `state`. */
const CONNECT_ATTEMPT_LIFETIME_MS = 10 * 60_000;
const REDEEM_TIMEOUT_MS = 15_000;

interface ConnectAttempt {
  verifier: string;
  createdAt: number;
}

export const connectAttempt = storage.defineItem<ConnectAttempt | null>('local:connectAttempt', {
  fallback: null,
  version: 1,
});

/** The sentence Stripe Settings shows for the last failed attempt; cleared when a new one starts. */
export const connectFailure = storage.defineItem<string | null>('local:connectFailure', { fallback: null, version: 1 });

/** The sentence Stripe Settings shows for each way a Connect attempt can end without a token. */
function failureSentence(failure: ConnectFailure): string {
  const keys = {
    access_denied: 'connect.accessDenied',
    account_refused: 'connect.accountRefused',
    expired: 'connect.expired',
    stripe_unavailable: 'connect.stripeUnavailable',
    failed: 'connect.failed',
  } as const satisfies Record<ConnectFailure, string>;
  return i18n.t(keys[failure]);
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes: 43 base64url characters, the minimum PKCE length and 256 bits of secret. */
export function makeVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function challengeFor(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Starts an attempt (replacing any earlier one) and returns the worker URL to open. */
export async function beginConnect(workerUrl: string, now = Date.now()): Promise<string> {
  const verifier = makeVerifier();
  await connectAttempt.setValue({ verifier, createdAt: now });
  await connectFailure.setValue(null);
  return workerClient(workerUrl, fetch)
    .connect.start.$url({ query: { challenge: await challengeFor(verifier) } })
    .toString();
}

type ConnectEnd = { kind: 'code'; code: string } | { kind: 'error'; failure: ConnectFailure } | { kind: 'unreadable' };

/** `#code=…` or `#error=<ConnectFailure>`, as the worker lands the tab on /connect/done. */
function readConnectHash(hash: string): ConnectEnd {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  if (code !== null && /^[A-Za-z0-9_-]{20,200}$/.test(code)) return { kind: 'code', code };
  const error = params.get('error');
  if (error !== null)
    return {
      kind: 'error',
      failure: (CONNECT_FAILURES as readonly string[]).includes(error) ? (error as ConnectFailure) : 'failed',
    };
  return { kind: 'unreadable' };
}

async function redeem(
  workerUrl: string,
  code: string,
  verifier: string,
  fetchImpl: typeof fetch,
): Promise<RedeemResponse | string> {
  let response: Response;
  try {
    const json = { code, verifier, label: browserLabel(globalThis.navigator?.userAgent ?? '') };
    response = await workerClient(workerUrl, fetchImpl).connect.redeem.$post(
      { json },
      { init: { signal: AbortSignal.timeout(REDEEM_TIMEOUT_MS) } },
    );
  } catch {
    return i18n.t('connect.workerUnreachable', [workerUrl]);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) return isErrorBody(body) ? body.error.message : failureSentence('failed');
  const parsed = safeParse(redeemResponseSchema, body);
  return parsed.success ? parsed.data : failureSentence('failed');
}

/**
 * Ends the attempt the worker's /connect/done page reported: redeems the code with the verifier and
 * stores the token, or stores the sentence explaining why not. The verifier is used at most once.
 */
export async function finishConnect(
  hash: string,
  workerUrl: string,
  fetchImpl: typeof fetch,
  now = Date.now(),
): Promise<void> {
  const end = readConnectHash(hash);
  const attempt = await connectAttempt.getValue();
  await connectAttempt.setValue(null);
  const fail = (sentence: string) => connectFailure.setValue(sentence);

  if (end.kind === 'error') return fail(failureSentence(end.failure));
  if (end.kind === 'unreadable') return fail(failureSentence('failed'));
  if (!attempt || now - attempt.createdAt > CONNECT_ATTEMPT_LIFETIME_MS) return fail(failureSentence('expired'));

  const result = await redeem(workerUrl, end.code, attempt.verifier, fetchImpl);
  if (typeof result === 'string') return fail(result);
  await rememberConnection(result.token, result.account);
  await connectFailure.setValue(null);
}
