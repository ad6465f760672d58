import { Hono } from '../hono';
import type Stripe from 'stripe';
import * as z from 'zod/mini';
import type { ConnectFailure } from '../../../shared/api';
import { challenge, redeemRequest } from '../../../shared/api-requests';
import { randomSecret, hashSecret, sha256Base64Url } from '../crypto';
import { selectAccount, toSummary, upsertConnected } from '../db/queries/accounts';
import { audit } from '../db/queries/audit';
import {
  attachRedeemCode,
  claimRedeemCode,
  consumeState,
  insertState,
  recordFailure,
} from '../db/queries/oauth-states';
import { insertToken } from '../db/queries/tokens';
import type { AppEnv, Env } from '../env';
import { AppError } from '../errors';
import { connectDonePage, connectModeMismatchPage, connectRejectedPage } from '../pages/connect-pages';
import { rateLimit } from '../rate-limit';
import { isLiveKey } from '../stripe/client';
import { isInvalidGrant, isStripeUnavailable } from '../stripe/errors';
import { validate } from '../validate';

const TEN_MINUTES = 10 * 60_000;

function authorizeUrl(env: Env, state: string): string {
  // Built from configuration, not stripe.oauth.authorizeUrl(), which drops port and protocol.
  const url = new URL(env.STRIPE_OAUTH_AUTHORIZE_URL);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: env.STRIPE_CONNECT_CLIENT_ID,
    scope: 'read_write',
    state,
    redirect_uri: `${env.PUBLIC_URL}/connect/callback`,
    // https://docs.stripe.com/connect/oauth-reference — consultants already have a Stripe account:
    // open the sign-in form, and always let them choose which account (not the one last connected).
    stripe_landing: 'login',
    always_prompt: 'true',
  }).toString();
  return url.toString();
}

function failureFromStripeRedirect(error: string): ConnectFailure {
  return error === 'access_denied' ? 'access_denied' : 'account_refused';
}

function failureFromException(error: unknown): ConnectFailure {
  if (isInvalidGrant(error)) return 'expired';
  if (isStripeUnavailable(error)) return 'stripe_unavailable';
  return 'failed';
}

/** Name and currency for Stripe Settings; a failure here must not undo a connection that worked. */
async function describeAccount(stripe: Stripe, id: string): Promise<{ businessName: string | null; currency: string }> {
  try {
    const account = await stripe.accounts.retrieve(id);
    return {
      businessName: account.business_profile?.name ?? account.settings?.dashboard?.display_name ?? null,
      currency: account.default_currency ?? 'usd',
    };
  } catch {
    return { businessName: null, currency: 'usd' };
  }
}

export const connect = new Hono<AppEnv>()
  .get(
    '/connect/start',
    rateLimit('connect-start', 30, TEN_MINUTES),
    validate('query', () => z.object({ challenge: challenge() })),
    async (c) => {
      const state = randomSecret();
      await insertState(c.var.db, await hashSecret(state), c.req.valid('query').challenge, Date.now());
      return c.redirect(authorizeUrl(c.env, state), 302);
    },
  )
  .get('/connect/callback', rateLimit('connect-callback', 30, TEN_MINUTES), async (c) => {
    const { state, code, error } = c.req.query();
    if (!state)
      return c.html(
        connectRejectedPage('The link from Stripe had no state, so it cannot be matched to a connection you started.'),
        400,
      );
    const stateHash = await hashSecret(state);
    const now = Date.now();
    if (!(await consumeState(c.var.db, stateHash, now))) {
      return c.html(
        connectRejectedPage('This connection attempt is unknown, expired (after 10 minutes) or was already used.'),
        400,
      );
    }
    const fail = async (failure: ConnectFailure) => {
      await recordFailure(c.var.db, stateHash, failure);
      return c.redirect(`/connect/done#error=${failure}`, 303);
    };
    if (error) return fail(failureFromStripeRedirect(error));
    if (!code) return c.html(connectRejectedPage('Stripe returned no authorization code.'), 400);

    const stripe = await c.var.stripe();
    let stripeUserId: string;
    let livemode: boolean;
    try {
      // https://docs.stripe.com/connect/oauth-reference#post-token — we keep only stripe_user_id.
      const token = await stripe.oauth.token({ grant_type: 'authorization_code', code });
      if (!token.stripe_user_id) return fail('failed');
      stripeUserId = token.stripe_user_id;
      livemode = token.livemode ?? false;
    } catch (e) {
      return fail(failureFromException(e));
    }
    if (livemode !== isLiveKey(c.env)) {
      // Rows are keyed by the acct_ id, shared by both modes: one deployment keeps one mode only.
      await recordFailure(c.var.db, stateHash, 'account_refused');
      return c.html(connectModeMismatchPage(livemode, isLiveKey(c.env)), 400);
    }
    const { businessName, currency } = await describeAccount(stripe, stripeUserId);
    const redeemCode = randomSecret();
    const db = c.var.db;
    await db.batch([
      upsertConnected(db, { id: stripeUserId, businessName, livemode, currency }, now),
      attachRedeemCode(db, stateHash, stripeUserId, await hashSecret(redeemCode), now),
      audit(
        db,
        { accountId: stripeUserId, action: 'account.connected', subject: stripeUserId, detail: { livemode } },
        now,
      ),
    ]);
    return c.redirect(`/connect/done#code=${redeemCode}`, 303);
  })
  .get('/connect/done', (c) => c.html(connectDonePage()))
  .post('/connect/redeem', rateLimit('redeem', 20, TEN_MINUTES), validate('json', redeemRequest), async (c) => {
    const { code, verifier, label } = c.req.valid('json');
    const db = c.var.db;
    const now = Date.now();
    // Claimed before the verifier is checked, so a wrong guess burns the code.
    const claim = await claimRedeemCode(db, await hashSecret(code), now);
    if (!claim || !claim.accountId)
      throw new AppError(
        400,
        'bad_request',
        'This connection code is unknown, expired or already used. Connect again from Stripe Settings.',
      );
    if ((await sha256Base64Url(verifier)) !== claim.challenge)
      throw new AppError(
        400,
        'bad_request',
        'This connection was started in another browser. Connect again from Stripe Settings.',
      );
    const token = randomSecret('qtsb_');
    const tokenId = randomSecret('tok_', 12);
    const [, , rows] = await db.batch([
      insertToken(db, tokenId, await hashSecret(token), claim.accountId, now, label ?? null),
      audit(db, { accountId: claim.accountId, tokenId, action: 'token.issued' }, now),
      selectAccount(db, claim.accountId),
    ]);
    const account = rows[0];
    if (!account)
      throw new AppError(409, 'conflict', 'The connected account disappeared. Connect again from Stripe Settings.');
    return c.json({ token, account: toSummary(account) });
  });
