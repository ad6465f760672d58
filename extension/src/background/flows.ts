import type { z } from 'zod/mini';
import { chargeMessages } from './charge/messages';
import { connectMessages } from './connect/messages';
import { payLinkMessages } from './pay-link/messages';
import { refundMessages } from './refund/messages';
import { settingsMessages } from './settings/messages';
import { siteMessages } from './site/messages';

// Every flow's message table, registered here: each message's schema, senders and handler sit in
// its flow's messages.ts. The router (handle-message.ts) and the pages' types (messages.ts) read this.

export const flows = {
  ...connectMessages,
  ...settingsMessages,
  ...chargeMessages,
  ...refundMessages,
  ...payLinkMessages,
  ...siteMessages,
};

type Flows = typeof flows;
/** Each table key is the `type` its schema accepts: the router finds a message's schema by its type. */
type KeyIsType = { [T in keyof Flows]: z.infer<Flows[T]['schema']> extends { type: T } ? true : T };
const keysAreTypes: KeyIsType[keyof Flows] extends true ? true : never = true;
void keysAreTypes;
