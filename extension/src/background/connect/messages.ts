import { browser } from 'wxt/browser';
import { accountSummarySchema, sessionsResponseSchema } from '../../../../shared/api';
import { z } from 'zod/mini';
import { accountStatus, markDisconnected, otherGatewayConnected, rememberAccount } from './account-state';
import { callApi } from '../worker-client';
import { beginConnect, connectFailure, finishConnect } from './connect';
import type { AccountStatusReply, ConnectMessages, ConnectReplies, SessionsReply } from '../connect-messages';
import { senderTabId } from './connect-sender';
import type { BackgroundDeps } from '../handle-message';
import { checkWorkerHealth } from '../settings/health';
import { messageError, type MessageError } from '../messages';
import type { SenderInfo } from '../sender';
import { currentWorkerUrl } from '../settings/worker-url';

type ConnectHandlers = {
  [T in keyof ConnectMessages]: (message: ConnectMessages[T], deps: BackgroundDeps, sender: SenderInfo) => Promise<ConnectReplies[T] | MessageError>;
};

/** A site page asking before it shows a Stripe control should not wait long for a slow worker. */
const STATUS_REFRESH_TIMEOUT_MS = 5_000;

async function statusReply(): Promise<AccountStatusReply> {
  return { ok: true, ...(await accountStatus()) };
}

/** Asks the worker about the account; a 401 marks it disconnected (in callApi), other failures keep what we knew. */
async function refreshAccount(deps: BackgroundDeps, timeoutMs?: number): Promise<AccountStatusReply> {
  if ((await accountStatus()).state !== 'connected') return statusReply();
  const result = await callApi('/account', { method: 'GET', ...(timeoutMs !== undefined && { timeoutMs }) }, accountSummarySchema, deps.fetch);
  if (result.ok) await rememberAccount(result.data);
  return statusReply();
}

async function listSessions(deps: BackgroundDeps): Promise<SessionsReply | MessageError> {
  const result = await callApi('/sessions', { method: 'GET' }, sessionsResponseSchema, deps.fetch);
  if (result.ok) return { ok: true, sessions: result.data.sessions };
  // Not connected: there is no browser of an account to list.
  return result.code === 'not_connected' ? { ok: true, sessions: [] } : messageError('worker-refused', result.message);
}

export const connectHandlers: ConnectHandlers = {
  'account:status': async (message, deps) => (message.refresh ? refreshAccount(deps, STATUS_REFRESH_TIMEOUT_MS) : statusReply()),
  'account:refresh': async (_message, deps) => refreshAccount(deps),
  'stripe-settings:get': async () => ({
    ...(await statusReply()),
    connectFailure: await connectFailure.getValue(),
    otherGatewayConnected: await otherGatewayConnected.getValue(),
  }),
  'connect:start': async (_message, deps) => {
    const workerUrl = await currentWorkerUrl();
    // Checked first: a tab on a dead address would show the browser's error page instead of words.
    const health = await checkWorkerHealth(workerUrl, deps.fetch);
    if (!health.ok) return messageError('worker-unreachable', `Stripe cannot be connected right now: ${health.reason}.`);
    await browser.tabs.create({ url: await beginConnect(workerUrl), active: true });
    return { ok: true };
  },
  'connect:done': async (message, deps, sender) => {
    await finishConnect(message.hash, await currentWorkerUrl(), deps.fetch);
    const tabId = senderTabId(sender);
    if (tabId !== null) await browser.tabs.remove(tabId).catch(() => undefined);
    await browser.runtime.openOptionsPage();
    return { ok: true };
  },
  'account:disconnect': async (_message, deps) => {
    const result = await callApi('/disconnect', { method: 'POST' }, accountSummarySchema, deps.fetch);
    // Already disconnected at the worker (401) is what the consultant asked for; callApi recorded it.
    if (!result.ok && result.status !== 401) return messageError('worker-refused', result.message);
    await markDisconnected();
    return statusReply();
  },
  'account:default-gateway': async (message, deps) => {
    const result = await callApi('/settings', { method: 'PUT', body: { stripeIsDefaultGateway: message.stripeIsDefault } }, accountSummarySchema, deps.fetch);
    if (!result.ok) return messageError('worker-refused', result.message);
    await rememberAccount(result.data);
    return statusReply();
  },
  'gateways:report': async (message) => {
    await otherGatewayConnected.setValue(message.otherGatewayConnected);
    return { ok: true };
  },
  'stripe-settings:open': async () => {
    await browser.runtime.openOptionsPage();
    return { ok: true };
  },
  'sessions:list': async (_message, deps) => listSessions(deps),
  'sessions:sign-out': async (message, deps) => {
    const result = await callApi(`/sessions/${encodeURIComponent(message.id)}`, { method: 'DELETE' }, z.object({ ok: z.literal(true) }), deps.fetch);
    if (!result.ok) return messageError('worker-refused', result.message);
    return listSessions(deps);
  },
};
