import { storage } from 'wxt/utils/storage';
import type { AccountSummary } from '../../../../shared/api';
import { consultantToken } from '../storage';

// What the extension knows about the consultant's Stripe connection. Background only: the token
// sits beside it, and pages learn the state through the `account:status` message.

export type ConnectionState = 'connected' | 'disconnected' | 'never';

interface StoredAccount {
  /** The last summary the worker gave; kept after a disconnect so Settings can say which account it was. */
  account: AccountSummary;
  /** False once the consultant disconnected or the worker said the token no longer works. */
  connected: boolean;
}

const stripeAccount = storage.defineItem<StoredAccount | null>('local:stripeAccount', {
  fallback: null,
  version: 1,
});

export interface AccountStatus {
  state: ConnectionState;
  account?: AccountSummary;
}

/** Whether the site's Account tab shows another gateway (ProPay) connected; null = not seen yet. */
export const otherGatewayConnected = storage.defineItem<boolean | null>('local:otherGatewayConnected', {
  fallback: null,
  version: 1,
});

export async function accountStatus(): Promise<AccountStatus> {
  const [stored, token] = await Promise.all([stripeAccount.getValue(), consultantToken.getValue()]);
  if (!stored) return { state: token ? 'connected' : 'never' };
  const state = stored.connected && token ? 'connected' : 'disconnected';
  return { state, account: stored.account };
}

/** A fresh token from Connect: the new account replaces whatever was there. */
export async function rememberConnection(token: string, account: AccountSummary): Promise<void> {
  await consultantToken.setValue(token);
  await stripeAccount.setValue({ account, connected: true });
}

/** The worker's newer word on the account (GET /api/account, PUT /api/settings). */
export async function rememberAccount(account: AccountSummary): Promise<void> {
  await stripeAccount.setValue({ account, connected: account.status === 'connected' });
}

/**
 * Forgets the token and marks the account disconnected. `onlyToken` guards against a late 401 from
 * an old token undoing a connection made since that request left.
 */
export async function markDisconnected(onlyToken?: string): Promise<void> {
  if (onlyToken !== undefined && (await consultantToken.getValue()) !== onlyToken) return;
  await consultantToken.setValue(null);
  const stored = await stripeAccount.getValue();
  if (stored)
    await stripeAccount.setValue({ account: { ...stored.account, status: 'disconnected' }, connected: false });
}

/**
 * Best effort: where the browser allows it (recent Chrome), content scripts lose read access to
 * local storage altogether, token included. Elsewhere the guarantee is that no content-script code
 * reads it (a convention test) and page scripts never can (docs/extension-token.md).
 */
export async function restrictStorageToExtension(area: {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}): Promise<void> {
  try {
    await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Firefox and older Chrome only allow this for storage.session.
  }
}
