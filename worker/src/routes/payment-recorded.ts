import { Hono } from '../hono';
import * as z from 'zod/mini';
import type { ApiEnv } from '../auth';
import { markRecorded } from '../db/queries/payments';
import { AppError } from '../errors';
import { validate } from '../validate';

/** The extension has recorded a succeeded Stripe payment in the site's own payment form. */
export const paymentRecorded = new Hono<ApiEnv>().post(
  '/payments/:id/recorded',
  validate('param', () => z.object({ id: z.string().check(z.regex(/^pay_[A-Za-z0-9_-]{4,40}$/, 'not a payment id')) })),
  async (c) => {
    const [row] = await markRecorded(c.var.db, c.var.account.id, c.req.valid('param').id, Date.now());
    if (!row) throw new AppError(404, 'not_found', 'No succeeded Stripe payment with that id on your account.');
    return c.json({ ok: true as const });
  },
);
