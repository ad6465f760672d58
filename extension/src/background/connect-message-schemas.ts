import { z } from 'zod/mini';
import type { ConnectMessages } from './connect-messages';
import type { SenderKind } from './messages';

// Schemas and senders of the Connect messages, merged into message-schemas.ts. A site page may ask
// whether Stripe is usable and report what its Account tab shows; it can never start, finish or
// undo a connection, and nothing ever answers with the token.

export const connectSchemas = {
  'account:status': z.strictObject({ type: z.literal('account:status'), refresh: z.optional(z.boolean()) }),
  'stripe-settings:get': z.strictObject({ type: z.literal('stripe-settings:get') }),
  'account:refresh': z.strictObject({ type: z.literal('account:refresh') }),
  'connect:start': z.strictObject({ type: z.literal('connect:start') }),
  'connect:done': z.strictObject({ type: z.literal('connect:done'), hash: z.string().check(z.maxLength(512)) }),
  'account:disconnect': z.strictObject({ type: z.literal('account:disconnect') }),
  'account:default-gateway': z.strictObject({ type: z.literal('account:default-gateway'), stripeIsDefault: z.boolean() }),
  'gateways:report': z.strictObject({ type: z.literal('gateways:report'), otherGatewayConnected: z.boolean() }),
  'stripe-settings:open': z.strictObject({ type: z.literal('stripe-settings:open') }),
  'sessions:list': z.strictObject({ type: z.literal('sessions:list') }),
  'sessions:sign-out': z.strictObject({ type: z.literal('sessions:sign-out'), id: z.string().check(z.regex(/^tok_[A-Za-z0-9_-]{4,40}$/)) }),
} satisfies { [T in keyof ConnectMessages]: z.ZodMiniType<ConnectMessages[T]> };

export const connectSenders: Record<keyof ConnectMessages, readonly SenderKind[]> = {
  'account:status': ['extension-page', 'site-page'],
  'stripe-settings:get': ['extension-page'],
  'account:refresh': ['extension-page'],
  'connect:start': ['extension-page'],
  'connect:done': ['connect-page'],
  'account:disconnect': ['extension-page'],
  'account:default-gateway': ['extension-page'],
  'gateways:report': ['site-page'],
  'stripe-settings:open': ['site-page'],
  'sessions:list': ['extension-page'],
  'sessions:sign-out': ['extension-page'],
};
