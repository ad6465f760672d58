import type { Ctx } from './context.ts';
import { invalidRequest } from './errors.ts';
import type { ApiList } from './models.ts';
import { optionalInteger, optionalString } from './params.ts';

/** Stripe's list envelope with `limit` (1–100, default 10) and cursor pagination over newest-first items. */
export function listOf<T extends { id: string }>(ctx: Ctx, newestFirst: T[]): ApiList<T> {
  const limit = optionalInteger(ctx.params, 'limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest('This value must be less than or equal to 100.', { param: 'limit' });
  let items = newestFirst;
  const after = optionalString(ctx.params, 'starting_after');
  const before = optionalString(ctx.params, 'ending_before');
  if (after !== undefined) {
    const index = items.findIndex((item) => item.id === after);
    items = index === -1 ? [] : items.slice(index + 1);
  } else if (before !== undefined) {
    const index = items.findIndex((item) => item.id === before);
    items = index === -1 ? [] : items.slice(Math.max(0, index - limit), index);
  }
  return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url: ctx.url.pathname };
}
