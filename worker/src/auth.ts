import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { hashSecret } from './crypto';
import type { AccountRow } from './db/queries/accounts';
import type { consultantTokens } from './db/schema';
import { findToken, isIdle } from './db/queries/tokens';
import type { AppEnv } from './env';
import { AppError, unauthorized } from './errors';

/** A consultant token as presented: its hash and the account it belongs to, not yet checked live. */
export interface TokenClaim {
  tokenHash: string;
  accountId: string;
  now: number;
}

/** Handlers that check the token inside their own first batch (tokenStatements + liveTokenSql). */
export interface ClaimEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { claim: TokenClaim };
}

/** Handlers that run after the token was checked on its own round trip. */
export interface ApiEnv extends AppEnv {
  Variables: ClaimEnv['Variables'] & { account: AccountRow; tokenId: string };
}

export interface Admitted {
  account: AccountRow;
  tokenId: string;
}

type TokenRow = typeof consultantTokens.$inferSelect;

const DISCONNECTED_MESSAGE = 'Stripe disconnected — reconnect in Stripe Settings.';

/** The verdict on a token's row and its account's: who acts, or the 401 that says why not. */
function admit(row: { token: TokenRow; account: AccountRow } | null, now: number): Admitted {
  if (!row || row.token.accountId !== row.account.id)
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
  return { account: row.account, tokenId: row.token.id };
}

/** The verdict on the rows of tokenStatements read inside a handler's batch. */
export function admitRows(claim: TokenClaim, [token]: TokenRow[], [account]: AccountRow[]): Admitted {
  return admit(token && account && account.id === claim.accountId ? { token, account } : null, claim.now);
}

/** The token on a round trip of its own (one D1 batch), for when a handler has no batch to put it in. */
export async function checkToken(c: Context<ClaimEnv>): Promise<Admitted> {
  const { claim } = c.var;
  return admit(await findToken(c.var.db, claim.tokenHash, claim.now), claim.now);
}

/**
 * The account of each token hash seen by this isolate. A token belongs to one account for ever, so
 * this is never stale; it is not a verdict, which is read from D1 on every request.
 */
const accountOfToken = new Map<string, string>();
const REMEMBERED_TOKENS = 10_000;

function remember(tokenHash: string, accountId: string): void {
  if (accountOfToken.size >= REMEMBERED_TOKENS) accountOfToken.clear();
  accountOfToken.set(tokenHash, accountId);
}

/** Handlers of sub-apps given to checksTokenInBatch. */
const batchChecked = new WeakSet<object>();

/**
 * Marks every handler of `app` as checking the token in its own first batch: once the isolate knows
 * the token's account, requireToken leaves the check to that batch, so a charge or a read does not
 * pay a round trip for it. Such handlers see `claim`, never `account`, until their batch admits them.
 */
export function checksTokenInBatch<A extends { routes: { handler: object }[] }>(app: A): A {
  for (const route of app.routes) batchChecked.add(route.handler);
  return app;
}

/** Every /api path: a live consultant token of a connected account, or 401. */
export const requireToken = createMiddleware<ApiEnv>(async (c, next) => {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) throw unauthorized('Connect your Stripe account in Stripe Settings first.');
  const tokenHash = await hashSecret(match[1]);
  const now = Date.now();
  const known = accountOfToken.get(tokenHash);
  const handler = matchedRoutes(c).at(-1)?.handler;
  if (known !== undefined && handler && batchChecked.has(handler)) {
    c.set('claim', { tokenHash, accountId: known, now });
    return next();
  }
  const { account, tokenId } = admit(await findToken(c.var.db, tokenHash, now), now);
  remember(tokenHash, account.id);
  c.set('claim', { tokenHash, accountId: account.id, now });
  c.set('account', account);
  c.set('tokenId', tokenId);
  await next();
});
