import type { z } from 'zod/mini';

// The shared words of the messaging surface, imported by the router and by every flow's message
// table (background/<flow>/messages.ts). A leaf: it imports nothing of ours.

/**
 * Who may send a message: our own extension pages (Stripe Settings), content scripts on site pages,
 * or our content script on the worker's /connect/done page (connect/connect-sender.ts).
 */
export type SenderKind = 'extension-page' | 'site-page' | 'connect-page';

/** The parts of `runtime.MessageSender` the decision rests on. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** Match patterns of the site pages our content script runs on. */
  siteMatches: readonly string[];
}

export interface BackgroundDeps {
  policy: SenderPolicy;
  fetch: typeof fetch;
  /**
   * Whether the extension may reach a worker origin. Stripe Settings asks the browser for a
   * self-hoster's origin first (only a page with a click may ask); the background only checks.
   */
  hasOriginAccess: (origin: string) => Promise<boolean>;
}

export type MessageErrorCode =
  'invalid-message' | 'forbidden-sender' | 'invalid-setting' | 'internal' | 'worker-unreachable' | 'worker-refused';

/** What the background answers instead of a reply when it refuses or fails a message. */
export interface MessageError {
  ok: false;
  error: { code: MessageErrorCode; message: string };
}

export function messageError(code: MessageErrorCode, message: string): MessageError {
  return { ok: false, error: { code, message } };
}

/** The worker (or the way to it) refused or failed; `message` is the sentence to show. */
export interface StripeFailure {
  ok: false;
  code: string;
  message: string;
}

/**
 * Where a Confirm or a refund click ended, one shape for both. `record` is the worker's record of
 * the attempt (null when it was refused before any attempt, or its answer was lost); `message` is
 * the sentence to show. `unknown`: Stripe's outcome is not known yet, and trying again asks about
 * the same attempt, so it never charges or refunds twice.
 */
export type AttemptReply<R> =
  | { ok: true; outcome: 'succeeded'; message: null; record: R }
  | { ok: true; outcome: 'requires_action'; message: string | null; record: R }
  | { ok: true; outcome: 'pending' | 'failed' | 'unknown'; message: string; record: R | null };

/** One message a flow answers: its schema (the message type is inferred from it), who may send it, and its handler. */
export interface MessageDef<S extends z.ZodMiniType, R> {
  schema: S;
  senders: readonly SenderKind[];
  handle: (message: z.infer<S>, deps: BackgroundDeps, sender: SenderInfo) => Promise<R>;
}

export function on<S extends z.ZodMiniType, R>(
  schema: S,
  senders: readonly SenderKind[],
  handle: MessageDef<S, R>['handle'],
): MessageDef<S, R> {
  return { schema, senders, handle };
}
