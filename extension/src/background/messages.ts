import type { z } from 'zod/mini';
import type { flows } from './flows';
import type { MessageError } from './protocol';

// The one messaging surface between content scripts / extension pages and the background, as the
// pages see it: types inferred from each flow's schemas and handlers (background/<flow>/messages.ts).
// Type-only imports, so zod and the handlers stay out of the content script every site page loads.

export { messageError, type MessageError } from './protocol';

type Flows = typeof flows;
type MessageType = keyof Flows;
type Messages = { [T in MessageType]: z.infer<Flows[T]['schema']> };
export type Message<T extends MessageType = MessageType> = Messages[T];
/** What the background answers to each message when it does not refuse it. */
export type Replies = { [T in MessageType]: Exclude<Awaited<ReturnType<Flows[T]['handle']>>, MessageError> };
export type ReplyTo<T extends MessageType> = Replies[T] | MessageError;
