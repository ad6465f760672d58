import type { AccountSummary, Session } from '../../../shared/api';

// The messages of Stripe Settings, Connect and the connection state: types only, so content scripts
// can import them without zod. Merged into the one surface in messages.ts.

export type ConnectionState = 'connected' | 'disconnected' | 'never';

export interface ConnectMessages {
  /** Site pages and Stripe Settings: may Stripe be used? `refresh` asks the worker first. */
  'account:status': { type: 'account:status'; refresh?: boolean };
  /** Stripe Settings: everything it shows, from what the background knows (no network). */
  'stripe-settings:get': { type: 'stripe-settings:get' };
  /** Stripe Settings: the worker's word on the account, when the page opens. */
  'account:refresh': { type: 'account:refresh' };
  'connect:start': { type: 'connect:start' };
  /** Only from the worker's /connect/done page: the fragment Stripe's round trip ended with. */
  'connect:done': { type: 'connect:done'; hash: string };
  'account:disconnect': { type: 'account:disconnect' };
  'account:default-gateway': { type: 'account:default-gateway'; stripeIsDefault: boolean };
  /** The Account tab: whether the site shows another gateway (ProPay) connected. */
  'gateways:report': { type: 'gateways:report'; otherGatewayConnected: boolean };
  /** The Account tab's Stripe Settings entry. */
  'stripe-settings:open': { type: 'stripe-settings:open' };
  /** Stripe Settings: the browsers signed in to this Stripe account, and signing one out. */
  'sessions:list': { type: 'sessions:list' };
  'sessions:sign-out': { type: 'sessions:sign-out'; id: string };
}

export interface SessionsReply {
  ok: true;
  sessions: Session[];
}

export interface AccountStatusReply {
  ok: true;
  state: ConnectionState;
  account?: AccountSummary;
}

export interface StripeSettingsReply {
  ok: true;
  state: ConnectionState;
  account?: AccountSummary;
  /** The sentence for the last Connect attempt that failed, until the next attempt starts. */
  connectFailure: string | null;
  /** null until the Account tab has been opened once with this extension. */
  otherGatewayConnected: boolean | null;
}

export interface Done {
  ok: true;
}

export interface ConnectReplies {
  'account:status': AccountStatusReply;
  'stripe-settings:get': StripeSettingsReply;
  'account:refresh': AccountStatusReply;
  'connect:start': Done;
  'connect:done': Done;
  'account:disconnect': AccountStatusReply;
  'account:default-gateway': AccountStatusReply;
  'gateways:report': Done;
  'stripe-settings:open': Done;
  'sessions:list': SessionsReply;
  'sessions:sign-out': SessionsReply;
}
