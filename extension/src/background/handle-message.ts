import type { z } from 'zod/mini';
import { i18n } from '../i18n';
import { isConnectDonePage } from './connect/connect-sender';
import { flows } from './flows';
import { messageError, type BackgroundDeps, type SenderInfo, type SenderKind } from './protocol';
import { classifySender } from './sender';
import { currentWorkerUrl } from './settings/worker-url';
import { extraSiteMatches } from './site/extra-site';

/** A flow's message as the router sees it; each handler accepts what its own schema parsed. */
interface RoutedMessage {
  schema: z.ZodMiniType;
  senders: readonly SenderKind[];
  handle: (message: never, deps: BackgroundDeps, sender: SenderInfo) => Promise<unknown>;
}

const routes: Readonly<Record<string, RoutedMessage>> = flows;

/**
 * Validates a message and its sender as if a hostile page wrote it (a page can make a content
 * script's world send anything), then runs its flow's handler. Never throws: every refusal or
 * failure is a typed `MessageError` the caller can show.
 */
export async function handleMessage(raw: unknown, sender: SenderInfo, deps: BackgroundDeps): Promise<unknown> {
  // Checked first: in sandbox builds the worker's origin is also a site origin.
  // A back-office address the consultant added runs the site's content scripts too (site/extra-site.ts).
  const policy = { ...deps.policy, siteMatches: [...deps.policy.siteMatches, ...(await extraSiteMatches())] };
  const senderKind = isConnectDonePage(sender, policy, await currentWorkerUrl())
    ? 'connect-page'
    : classifySender(sender, policy);
  if (senderKind === null) return messageError('forbidden-sender', i18n.t('background.forbiddenSender'));
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const route = typeof type === 'string' && Object.hasOwn(routes, type) ? routes[type] : undefined;
  if (typeof type !== 'string' || !route) return messageError('invalid-message', i18n.t('background.unknownMessage'));
  const parsed = route.schema.safeParse(raw);
  if (!parsed.success) return messageError('invalid-message', i18n.t('background.malformedMessage', [type]));
  if (!route.senders.includes(senderKind))
    return messageError('forbidden-sender', i18n.t('background.settingsOnly', [type]));
  try {
    const handle = route.handle as (message: unknown, deps: BackgroundDeps, sender: SenderInfo) => Promise<unknown>;
    return await handle(parsed.data, deps, sender);
  } catch (error) {
    console.error(`[stripe-bridge] "${type}" failed`, error);
    return messageError('internal', i18n.t('background.internal'));
  }
}
