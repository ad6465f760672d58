import { Hono } from '../hono';
import * as z from 'zod/mini';
import type { ApiEnv } from '../auth';
import { audit } from '../db/queries/audit';
import { revokeSession, selectSessions } from '../db/queries/tokens';
import { AppError } from '../errors';
import { validate } from '../validate';

/** The consultant's signed-in browsers (one token each), and signing one out from another. */
export const sessions = new Hono<ApiEnv>()
  .get('/sessions', async (c) => {
    const rows = await selectSessions(c.var.db, c.var.account.id);
    return c.json({ sessions: rows.map((r) => ({ ...r, current: r.id === c.var.tokenId })) });
  })
  .delete(
    '/sessions/:id',
    validate('param', () =>
      z.object({ id: z.string().check(z.regex(/^tok_[A-Za-z0-9_-]{4,40}$/, 'not a browser id')) }),
    ),
    async (c) => {
      const { db, account, tokenId } = c.var;
      const id = c.req.valid('param').id;
      const now = Date.now();
      const [revoked] = await db.batch([
        revokeSession(db, account.id, id, now),
        audit(db, { accountId: account.id, tokenId, action: 'token.revoked', subject: id }, now),
      ]);
      if (revoked.length === 0)
        throw new AppError(404, 'not_found', 'That browser is not signed in to your Stripe account.');
      return c.json({ ok: true as const });
    },
  );
