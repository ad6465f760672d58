import { id as routeId, type Route } from './context.ts';
import { resourceMissing } from './errors.ts';
import { listOf } from './lists.ts';
import { optionalString, optionalStringList, rejectUnknown } from './params.ts';
import { findObject, listObjects } from './state.ts';

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/events/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const event = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'event');
      if (!event) throw resourceMissing('event', routeId(ctx), 'id');
      return event;
    },
  },
  {
    method: 'GET',
    path: '/v1/events',
    handle: (ctx) => {
      rejectUnknown(ctx.params, [
        'type',
        'types',
        'limit',
        'starting_after',
        'ending_before',
        'created',
        'delivery_success',
      ]);
      const type = optionalString(ctx.params, 'type');
      const types = optionalStringList(ctx.params, 'types');
      const matches = (t: string): boolean => {
        if (types) return types.includes(t);
        if (type === undefined) return true;
        return type.endsWith('.*') ? t.startsWith(type.slice(0, -1)) : t === type;
      };
      return listOf(
        ctx,
        listObjects(ctx.sim.state, ctx.account, 'event', (e) => matches(e.type)),
      );
    },
  },
];
