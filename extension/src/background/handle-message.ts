import { chargeHandlers } from './charge/messages';
import { connectHandlers } from './connect/messages';
import { isConnectDonePage } from './connect/connect-sender';
import { checkWorkerHealth } from './settings/health';
import { allowedSenders, parseMessage } from './message-schemas';
import { messageError, type Message, type MessageError, type MessageType, type Replies } from './messages';
import { extraSiteMatches } from './site/extra-site';
import { refundHandlers } from './refund/messages';
import { siteHandlers } from './site/messages';
import { classifySender, type SenderInfo, type SenderPolicy } from './sender';
import { workerUrlOverride } from './storage';
import { normaliseWorkerUrl } from '../utils/worker-address';
import { currentWorkerUrl, workerUrlSettings } from './settings/worker-url';

export interface BackgroundDeps {
  policy: SenderPolicy;
  fetch: typeof fetch;
  /**
   * Whether the extension may reach a worker origin. Stripe Settings asks the browser for a
   * self-hoster's origin first (only a page with a click may ask); the background only checks.
   */
  hasOriginAccess: (origin: string) => Promise<boolean>;
}

type Handlers = { [T in MessageType]: (message: Message<T>, deps: BackgroundDeps, sender: SenderInfo) => Promise<Replies[T] | MessageError> };

const handlers: Handlers = {
  ...connectHandlers,
  health: async (_message, deps) => checkWorkerHealth(await currentWorkerUrl(), deps.fetch),
  'worker-url:get': async () => workerUrlSettings(),
  'worker-url:set': async (message, deps) => {
    if (message.url === null || message.url.trim() === '') {
      await workerUrlOverride.setValue(null);
      return workerUrlSettings();
    }
    const normalised = normaliseWorkerUrl(message.url);
    if (!normalised.ok) return messageError('invalid-setting', normalised.reason);
    if (!(await deps.hasOriginAccess(normalised.origin))) {
      return messageError('invalid-setting', `The browser did not allow the extension to reach ${normalised.origin}.`);
    }
    await workerUrlOverride.setValue(normalised.origin);
    return workerUrlSettings();
  },
  ...chargeHandlers,
  ...refundHandlers,
  ...siteHandlers,
};

/**
 * Validates a message and its sender as if a hostile page wrote it, then runs its handler. Never
 * throws: every refusal or failure is a typed `MessageError` the caller can show.
 */
export async function handleMessage(raw: unknown, sender: SenderInfo, deps: BackgroundDeps): Promise<unknown> {
  // Checked first: in sandbox builds the worker's origin is also a site origin.
  // A back-office address the consultant added runs the site's content scripts too (extra-site.ts).
  const policy = { ...deps.policy, siteMatches: [...deps.policy.siteMatches, ...(await extraSiteMatches())] };
  const senderKind = isConnectDonePage(sender, policy, await currentWorkerUrl()) ? 'connect-page' : classifySender(sender, policy);
  if (senderKind === null) return messageError('forbidden-sender', 'This sender may not talk to the Stripe bridge.');
  const parsed = parseMessage(raw);
  if ('error' in parsed) return parsed;
  if (!allowedSenders[parsed.type].includes(senderKind)) {
    return messageError('forbidden-sender', `"${parsed.type}" is only available from Stripe Settings.`);
  }
  try {
    const handler = handlers[parsed.type] as (message: Message, deps: BackgroundDeps, sender: SenderInfo) => Promise<unknown>;
    return await handler(parsed.message, deps, sender);
  } catch (error) {
    console.error(`[stripe-bridge] "${parsed.type}" failed`, error);
    return messageError('internal', 'Something went wrong inside the extension. Reload the page and try again.');
  }
}
