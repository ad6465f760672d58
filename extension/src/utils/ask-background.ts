import { browser } from 'wxt/browser';
import { messageError, type Message, type ReplyTo } from '../background/messages';

/** Sends a typed message to the background; a dead or reloaded extension becomes a readable error. */
export async function askBackground<M extends Message>(message: M): Promise<ReplyTo<M['type']>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (reply === undefined || reply === null) {
      return messageError('internal', 'The extension did not answer. Reload the page and try again.');
    }
    return reply as ReplyTo<M['type']>;
  } catch {
    return messageError('internal', 'The extension was updated or stopped. Reload the page and try again.');
  }
}
