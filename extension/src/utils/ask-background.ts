import { browser } from 'wxt/browser';
import { messageError, type Message, type ReplyTo } from '../background/messages';
import { i18n } from '../i18n';

/** Sends a typed message to the background; a dead or reloaded extension becomes a readable error. */
export async function askBackground<M extends Message>(message: M): Promise<ReplyTo<M['type']>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (reply === undefined || reply === null) {
      return messageError('internal', i18n.t('background.noAnswer'));
    }
    return reply as ReplyTo<M['type']>;
  } catch {
    return messageError('internal', i18n.t('background.stopped'));
  }
}
