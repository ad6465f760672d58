import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import {
  accountSummarySchema,
  sessionsResponseSchema,
  type AccountSummary,
  type Session,
} from '../../../../shared/api';
import { i18n } from '../../i18n';
import { messageError, on, type BackgroundDeps, type MessageError } from '../protocol';
import { checkWorkerHealth } from '../settings/health';
import { currentWorkerUrl } from '../settings/worker-url';
import { callApi } from '../worker-client';
import {
  accountStatus,
  markDisconnected,
  otherGatewayConnected,
  rememberAccount,
  type ConnectionState,
} from './account-state';
import { beginConnect, connectFailure, finishConnect } from './connect';
import { senderTabId } from './connect-sender';

// Stripe Settings, Connect and the connection state. A site page may ask whether Stripe is usable
// and report what its Account tab shows; it can never start, finish or undo a connection, and
// nothing ever answers with the token.

export interface AccountStatusReply {
  ok: true;
  state: ConnectionState;
  account?: AccountSummary;
}

export interface StripeSettingsReply extends AccountStatusReply {
  /** The sentence for the last Connect attempt that failed, until the next attempt starts. */
  connectFailure: string | null;
  /** null until the Account tab has been opened once with this extension. */
  otherGatewayConnected: boolean | null;
}

export interface SessionsReply {
  ok: true;
  sessions: Session[];
}

/** A site page asking before it shows a Stripe control should not wait long for a slow worker. */
const STATUS_REFRESH_TIMEOUT_MS = 5_000;

const done = { ok: true as const };

async function statusReply(): Promise<AccountStatusReply> {
  return { ok: true, ...(await accountStatus()) };
}

/** Asks the worker about the account; a 401 marks it disconnected (in callApi), other failures keep what we knew. */
async function refreshAccount(deps: BackgroundDeps, timeoutMs?: number): Promise<AccountStatusReply> {
  if ((await accountStatus()).state !== 'connected') return statusReply();
  const result = await callApi(
    (api, options) => api.account.$get(undefined, options),
    accountSummarySchema,
    deps.fetch,
    timeoutMs,
  );
  if (result.ok) await rememberAccount(result.data);
  return statusReply();
}

async function listSessions(deps: BackgroundDeps): Promise<SessionsReply | MessageError> {
  const result = await callApi(
    (api, options) => api.sessions.$get(undefined, options),
    sessionsResponseSchema,
    deps.fetch,
  );
  if (result.ok) return { ok: true, sessions: result.data.sessions };
  // Not connected: there is no browser of an account to list.
  return result.code === 'not_connected' ? { ok: true, sessions: [] } : messageError('worker-refused', result.message);
}

const fromSettings = ['extension-page'] as const;
const fromSitePage = ['site-page'] as const;

export const connectMessages = {
  /** Site pages and Stripe Settings: may Stripe be used? `refresh` asks the worker first. */
  'account:status': on(
    z.strictObject({ type: z.literal('account:status'), refresh: z.optional(z.boolean()) }),
    ['extension-page', 'site-page'],
    (message, deps) => (message.refresh ? refreshAccount(deps, STATUS_REFRESH_TIMEOUT_MS) : statusReply()),
  ),
  /** Stripe Settings: everything it shows, from what the background knows (no network). */
  'stripe-settings:get': on(
    z.strictObject({ type: z.literal('stripe-settings:get') }),
    fromSettings,
    async (): Promise<StripeSettingsReply> => ({
      ...(await statusReply()),
      connectFailure: await connectFailure.getValue(),
      otherGatewayConnected: await otherGatewayConnected.getValue(),
    }),
  ),
  /** Stripe Settings: the worker's word on the account, when the page opens. */
  'account:refresh': on(z.strictObject({ type: z.literal('account:refresh') }), fromSettings, (_message, deps) =>
    refreshAccount(deps),
  ),
  'connect:start': on(z.strictObject({ type: z.literal('connect:start') }), fromSettings, async (_message, deps) => {
    const workerUrl = await currentWorkerUrl();
    // Checked first: a tab on a dead address would show the browser's error page instead of words.
    const health = await checkWorkerHealth(workerUrl, deps.fetch);
    if (!health.ok) return messageError('worker-unreachable', i18n.t('connect.cannotStart', [health.reason]));
    await browser.tabs.create({ url: await beginConnect(workerUrl), active: true });
    return done;
  }),
  /** Only from the worker's /connect/done page: the fragment Stripe's round trip ended with. */
  'connect:done': on(
    z.strictObject({ type: z.literal('connect:done'), hash: z.string().check(z.maxLength(512)) }),
    ['connect-page'],
    async (message, deps, sender) => {
      await finishConnect(message.hash, await currentWorkerUrl(), deps.fetch);
      const tabId = senderTabId(sender);
      if (tabId !== null) await browser.tabs.remove(tabId).catch(() => undefined);
      await browser.runtime.openOptionsPage();
      return done;
    },
  ),
  'account:disconnect': on(
    z.strictObject({ type: z.literal('account:disconnect') }),
    fromSettings,
    async (_message, deps) => {
      const result = await callApi(
        (api, options) => api.disconnect.$post(undefined, options),
        accountSummarySchema,
        deps.fetch,
      );
      // Already disconnected at the worker (401) is what the consultant asked for; callApi recorded it.
      if (!result.ok && result.status !== 401) return messageError('worker-refused', result.message);
      await markDisconnected();
      return statusReply();
    },
  ),
  'account:default-gateway': on(
    z.strictObject({ type: z.literal('account:default-gateway'), stripeIsDefault: z.boolean() }),
    fromSettings,
    async (message, deps) => {
      const json = { stripeIsDefaultGateway: message.stripeIsDefault };
      const result = await callApi(
        (api, options) => api.settings.$put({ json }, options),
        accountSummarySchema,
        deps.fetch,
      );
      if (!result.ok) return messageError('worker-refused', result.message);
      await rememberAccount(result.data);
      return statusReply();
    },
  ),
  /** The Account tab: whether the site shows another gateway (ProPay) connected. */
  'gateways:report': on(
    z.strictObject({ type: z.literal('gateways:report'), otherGatewayConnected: z.boolean() }),
    fromSitePage,
    async (message) => {
      await otherGatewayConnected.setValue(message.otherGatewayConnected);
      return done;
    },
  ),
  /** The Account tab's Stripe Settings entry. */
  'stripe-settings:open': on(z.strictObject({ type: z.literal('stripe-settings:open') }), fromSitePage, async () => {
    await browser.runtime.openOptionsPage();
    return done;
  }),
  /** Stripe Settings: the browsers signed in to this Stripe account, and signing one out. */
  'sessions:list': on(z.strictObject({ type: z.literal('sessions:list') }), fromSettings, (_message, deps) =>
    listSessions(deps),
  ),
  'sessions:sign-out': on(
    z.strictObject({
      type: z.literal('sessions:sign-out'),
      id: z.string().check(z.regex(/^tok_[A-Za-z0-9_-]{4,40}$/)),
    }),
    fromSettings,
    async (message, deps) => {
      const result = await callApi(
        (api, options) => api.sessions[':id'].$delete({ param: { id: message.id } }, options),
        z.object({ ok: z.literal(true) }),
        deps.fetch,
      );
      if (!result.ok) return messageError('worker-refused', result.message);
      return listSessions(deps);
    },
  ),
};
