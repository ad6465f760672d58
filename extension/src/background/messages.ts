// The one messaging surface between content scripts / extension pages and the background: the
// types both sides share. The schemas that check them live in message-schemas.ts, which only the
// background imports (it keeps zod out of the content script every site page loads).

import type { ConnectMessages, ConnectReplies } from './connect-messages';
import type { ChargeMessages, ChargeReplies } from './charges-messages';
import type { PayLinkMessages, PayLinkReplies } from './pay-links-messages';
import type { RefundMessages, RefundReplies } from './refunds-messages';
import type { SiteMessages, SiteReplies } from './site-messages';

/**
 * Who may send a message: our own extension pages (Stripe Settings), content scripts on site pages,
 * or our content script on the worker's /connect/done page (connect-sender.ts).
 */
export type SenderKind = 'extension-page' | 'site-page' | 'connect-page';

export interface Messages extends ConnectMessages, ChargeMessages, RefundMessages, PayLinkMessages, SiteMessages {
  health: { type: 'health' };
  'worker-url:get': { type: 'worker-url:get' };
  'worker-url:set': { type: 'worker-url:set'; url: string | null };
}

export type MessageType = keyof Messages;
export type Message<T extends MessageType = MessageType> = Messages[T];

export type HealthReply = { ok: true; version: string } | { ok: false; reason: string };

export interface WorkerUrlSettings {
  ok: true;
  /** The URL the background talks to right now. */
  workerUrl: string;
  /** Baked in at build time (`WXT_WORKER_URL`). */
  buildWorkerUrl: string;
  /** Set in Stripe Settings by a self-hoster, or null. */
  override: string | null;
}

export interface Replies extends ConnectReplies, ChargeReplies, RefundReplies, PayLinkReplies, SiteReplies {
  health: HealthReply;
  'worker-url:get': WorkerUrlSettings;
  'worker-url:set': WorkerUrlSettings;
}

export type MessageErrorCode = 'invalid-message' | 'forbidden-sender' | 'invalid-setting' | 'internal' | 'worker-unreachable' | 'worker-refused';

/** What the background answers instead of a reply when it refuses or fails a message. */
export interface MessageError {
  ok: false;
  error: { code: MessageErrorCode; message: string };
}

export type ReplyTo<T extends MessageType> = Replies[T] | MessageError;

export function messageError(code: MessageErrorCode, message: string): MessageError {
  return { ok: false, error: { code, message } };
}
