import { createMiddleware } from 'hono/factory';
import { hashSecret } from './crypto';
import type { AccountRow } from './db/queries/accounts';
import { findToken, isIdle } from './db/queries/tokens';
import type { AppEnv } from './env';
import { AppError, unauthorized } from './errors';

export interface ApiEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { account: AccountRow; tokenId: string };
}

const DISCONNECTED_MESSAGE = 'Stripe disconnected — reconnect in Stripe Settings.';

/** Every /api path: a live consultant token of a connected account, or 401. One D1 round trip. */
export const requireToken = createMiddleware<ApiEnv>(async (c, next) => {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) throw unauthorized('Connect your Stripe account in Stripe Settings first.');
  const now = Date.now();
  const row = await findToken(c.var.db, await hashSecret(match[1]), now);
  if (!row)
    throw unauthorized('This browser is not connected to Stripe. Connect your Stripe account in Stripe Settings.');
  if (row.token.revokedAt !== null || row.account.status !== 'connected')
    throw new AppError(401, 'not_connected', DISCONNECTED_MESSAGE);
  // The scheduled job revokes it too; until it runs, an idle token already stops working.
  if (isIdle(row.token, now))
    throw new AppError(
      401,
      'not_connected',
      'This browser was signed out after 180 days without use. Connect again in Stripe Settings.',
    );
  c.set('account', row.account);
  c.set('tokenId', row.token.id);
  await next();
});
