import { createMiddleware } from 'hono/factory';
import { countHit } from './db/queries/rate-limits';
import type { AppEnv } from './env';
import { AppError } from './errors';

/** Fixed-window limit per client address for routes anyone can call (connect, redeem). */
export function rateLimit(name: string, limit: number, windowMs: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const client = c.req.header('cf-connecting-ip') ?? 'local';
    const count = await countHit(c.var.db, `${name}:${client}`, Date.now(), windowMs);
    if (count > limit) throw new AppError(429, 'rate_limited', 'Too many attempts. Wait a few minutes and try again.');
    await next();
  });
}
