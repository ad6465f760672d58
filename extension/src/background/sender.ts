import { MatchPattern } from 'wxt/utils/match-patterns';
import type { SenderInfo, SenderKind, SenderPolicy } from './protocol';

/**
 * Who sent a message, or null when it is nobody we talk to. A content script is trusted only from
 * the top frame of an allowed site page: an iframe the site embeds could be anyone's.
 */
export function classifySender(sender: SenderInfo, policy: SenderPolicy): SenderKind | null {
  if (sender.id !== policy.extensionId || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(policy.extensionOrigin)) return 'extension-page';
  if (sender.tab === undefined || sender.frameId !== 0) return null;
  if (!URL.canParse(sender.url)) return null;
  const url = sender.url;
  return policy.siteMatches.some((pattern) => new MatchPattern(pattern).includes(url)) ? 'site-page' : null;
}
