import { Hono } from '../hono';
import { settingsRequest } from '../../../shared/api-requests';
import type { ApiEnv } from '../auth';
import { disconnectStatements, setDefaultGateway, toSummary } from '../db/queries/accounts';
import { audit } from '../db/queries/audit';
import { AppError } from '../errors';
import { isAlreadyDeauthorized, isStripeUnavailable } from '../stripe/errors';
import { validate } from '../validate';

export const account = new Hono<ApiEnv>()
  .get('/account', (c) => c.json(toSummary(c.var.account)))
  .put('/settings', validate('json', settingsRequest), async (c) => {
    const { stripeIsDefaultGateway } = c.req.valid('json');
    const db = c.var.db;
    const [rows] = await db.batch([
      setDefaultGateway(db, c.var.account.id, stripeIsDefaultGateway),
      audit(db, {
        accountId: c.var.account.id,
        tokenId: c.var.tokenId,
        action: 'settings.updated',
        detail: { stripeIsDefaultGateway },
      }),
    ]);
    const row = rows[0];
    if (!row) throw new AppError(404, 'not_found', 'The connected account was not found.');
    return c.json(toSummary(row));
  })
  .post('/disconnect', async (c) => {
    const { account: acct, db } = c.var;
    try {
      // https://docs.stripe.com/connect/oauth-reference#post-deauthorize
      await (
        await c.var.stripe()
      ).oauth.deauthorize({ client_id: c.env.STRIPE_CONNECT_CLIENT_ID, stripe_user_id: acct.id });
    } catch (e) {
      if (isStripeUnavailable(e)) {
        throw new AppError(
          503,
          'stripe_unavailable',
          'Stripe could not be reached, so your account is still connected. Try Disconnect again in a minute.',
        );
      }
      // Stripe answered and refused (an unknown Connect client id, a wrong platform key): trying
      // again will not help, and saying "could not be reached" would send the consultant in circles.
      if (!isAlreadyDeauthorized(e)) {
        throw new AppError(
          502,
          'stripe_error',
          'Stripe refused to disconnect this account because the worker’s Stripe Connect settings do not match the platform. Your account is still connected; ask whoever runs your worker to check its Stripe Connect client ID.',
        );
      }
    }
    const now = Date.now();
    await db.batch([
      ...disconnectStatements(db, acct.id, now),
      audit(
        db,
        { accountId: acct.id, tokenId: c.var.tokenId, action: 'account.disconnected', detail: { by: 'consultant' } },
        now,
      ),
    ]);
    return c.json({ ...toSummary(acct), status: 'disconnected' as const });
  });
