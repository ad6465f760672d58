import type { SenderInfo, SenderPolicy } from '../protocol';

// The worker's /connect/done page is the one page outside the site whose word the background takes,
// and only for `connect:done`: it must be exactly that page, on the worker this extension uses.

function isConnectDoneUrl(url: string, workerUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.origin === new URL(workerUrl).origin && parsed.pathname === '/connect/done' && parsed.search === '';
}

function tabOf(sender: SenderInfo): { id?: unknown; url?: unknown } | null {
  return typeof sender.tab === 'object' && sender.tab !== null ? (sender.tab as { id?: unknown; url?: unknown }) : null;
}

export function senderTabId(sender: SenderInfo): number | null {
  const id = tabOf(sender)?.id;
  return typeof id === 'number' ? id : null;
}

/** Our own content script, in the top frame of a tab showing `<worker>/connect/done`. */
export function isConnectDonePage(sender: SenderInfo, policy: SenderPolicy, workerUrl: string): boolean {
  const tab = tabOf(sender);
  if (sender.id !== policy.extensionId || tab === null || sender.frameId !== 0 || typeof sender.url !== 'string')
    return false;
  if (!isConnectDoneUrl(sender.url, workerUrl)) return false;
  // The browser fills the tab's URL when we may see it (we hold the worker's host permission).
  return tab.url === undefined || (typeof tab.url === 'string' && isConnectDoneUrl(tab.url, workerUrl));
}
