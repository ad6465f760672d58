import { z } from 'zod/mini';
import { chargeSchemas, chargeSenders } from './charges-message-schemas';
import { connectSchemas, connectSenders } from './connect-message-schemas';
import { refundSchemas, refundSenders } from './refunds-message-schemas';
import { siteSchemas, siteSenders } from './site-message-schemas';
import { messageError, type Message, type MessageError, type MessageType, type SenderKind } from './messages';

// Every message is parsed here, in the background, as if a hostile page wrote it: a page can make a
// content script's world send anything. `satisfies` keeps each schema equal to its shared type.

const schemas = {
  ...connectSchemas,
  health: z.strictObject({ type: z.literal('health') }),
  'worker-url:get': z.strictObject({ type: z.literal('worker-url:get') }),
  'worker-url:set': z.strictObject({ type: z.literal('worker-url:set'), url: z.nullable(z.string().check(z.maxLength(2048))) }),
  ...chargeSchemas,
  ...refundSchemas,
  ...siteSchemas,
} satisfies { [T in MessageType]: z.ZodMiniType<Message<T>> };

/** Settings change where the consultant's token is sent, so only our own pages may touch them. */
export const allowedSenders: Record<MessageType, readonly SenderKind[]> = {
  ...connectSenders,
  health: ['extension-page', 'site-page'],
  'worker-url:get': ['extension-page'],
  'worker-url:set': ['extension-page'],
  ...chargeSenders,
  ...refundSenders,
  ...siteSenders,
};

export type ParsedMessage = { [T in MessageType]: { type: T; message: Message<T> } }[MessageType];

export function parseMessage(raw: unknown): ParsedMessage | MessageError {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(schemas, type)) {
    return messageError('invalid-message', 'Unknown message type.');
  }
  const messageType = type as MessageType;
  const result = schemas[messageType].safeParse(raw);
  if (!result.success) return messageError('invalid-message', `Malformed "${messageType}" message.`);
  return { type: messageType, message: result.data } as ParsedMessage;
}
