import { createMiddleware } from 'hono/factory';
import { countHit } from './db/queries/rate-limits';
import type { AppEnv } from './env';
import { AppError } from './errors';

/**
 * Fixed-window limit per client address for routes anyone can call (connect, redeem). The limit is
 * per window of `windowMs`; `RATE_LIMIT_SCALE` (a var, default 1) multiplies every limit, so a busy
 * office behind one address, or a test suite that connects dozens of times, can be given room.
 */
export function rateLimit(name: string, limit: number, windowMs: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const client = c.req.header('cf-connecting-ip') ?? 'local';
    const scale = Number(c.env.RATE_LIMIT_SCALE ?? '1');
    const allowed = limit * (Number.isFinite(scale) && scale > 0 ? scale : 1);
    const count = await countHit(c.var.db, `${name}:${client}`, Date.now(), windowMs);
    if (count > allowed)
      throw new AppError(429, 'rate_limited', 'Too many attempts. Wait a few minutes and try again.');
    await next();
  });
}
