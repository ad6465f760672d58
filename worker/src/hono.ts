import type { BlankEnv, BlankSchema, Env, Schema } from 'hono/types';
import { HonoBase } from 'hono/hono-base';
import { LinearRouter } from 'hono/router/linear-router';

/**
 * Hono on LinearRouter alone. LinearRouter matches without compiling a matcher first, so a cold
 * isolate answers its first request sooner than with Hono's default router; and without `hono`'s
 * default entry the bundle carries no other router for workerd to compile at start.
 */
export class Hono<
  E extends Env = BlankEnv,
  S extends Schema = BlankSchema,
  BasePath extends string = '/',
> extends HonoBase<E, S, BasePath> {
  constructor() {
    super({ router: new LinearRouter() });
  }
}
