import { id as routeId, type Ctx, type Route } from './context.ts';
import { invalidRequest, resourceMissing } from './errors.ts';
import { newId, randomToken } from './ids.ts';
import { listOf } from './lists.ts';
import type { WebhookEndpoint } from './models.ts';
import {
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalString,
  optionalStringList,
  rejectUnknown,
  requiredString,
} from './params.ts';
import type { Sim } from './sim.ts';
import { API_VERSION } from './sim.ts';

/** Registers an endpoint; `secret` lets tests and `npm start` choose a known `whsec_`. */
export function registerEndpoint(
  sim: Sim,
  options: {
    url: string;
    connect: boolean;
    livemode?: boolean;
    secret?: string;
    enabledEvents?: string[];
    description?: string | null;
    apiVersion?: string | null;
  },
): WebhookEndpoint {
  if (!/^https?:\/\//.test(options.url)) throw invalidRequest(`Invalid URL: ${options.url}`, { param: 'url' });
  const secret = options.secret ?? `whsec_${randomToken(32)}`;
  if (!secret.startsWith('whsec_')) throw invalidRequest('A webhook secret starts with whsec_.', { param: 'secret' });
  const endpoint: WebhookEndpoint = {
    id: newId('we'),
    object: 'webhook_endpoint',
    api_version: options.apiVersion ?? API_VERSION,
    application: null,
    created: sim.now(),
    description: options.description ?? null,
    enabled_events: options.enabledEvents ?? ['*'],
    livemode: options.livemode ?? false,
    metadata: {},
    secret,
    status: 'enabled',
    url: options.url,
  };
  sim.state.endpoints.set(endpoint.id, {
    endpoint,
    secret,
    connect: options.connect,
    livemode: options.livemode ?? false,
  });
  return endpoint;
}

/** Stripe returns the secret only when the endpoint is created. */
function withoutSecret(endpoint: WebhookEndpoint): WebhookEndpoint {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
}

function requireEndpoint(ctx: Ctx): WebhookEndpoint {
  const registered = ctx.sim.state.endpoints.get(routeId(ctx));
  if (!registered || ctx.account !== ctx.sim.platformId) throw resourceMissing('webhook endpoint', routeId(ctx), 'id');
  return registered.endpoint;
}

export const webhookEndpointRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/webhook_endpoints',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['url', 'enabled_events', 'connect', 'description', 'metadata', 'api_version']);
      const url = requiredString(ctx.params, 'url');
      const enabledEvents = optionalStringList(ctx.params, 'enabled_events');
      if (!enabledEvents || enabledEvents.length === 0)
        throw invalidRequest('Missing required param: enabled_events.', {
          code: 'parameter_missing',
          param: 'enabled_events',
        });
      const endpoint = registerEndpoint(ctx.sim, {
        livemode: ctx.livemode,
        url,
        connect: optionalBoolean(ctx.params, 'connect') ?? false,
        enabledEvents,
        description: nullableString(ctx.params, 'description') ?? null,
        apiVersion: optionalString(ctx.params, 'api_version') ?? null,
      });
      endpoint.metadata = mergeMetadata({}, ctx.params);
      return endpoint;
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints/:id',
    handle: (ctx) => (rejectUnknown(ctx.params, []), withoutSecret(requireEndpoint(ctx))),
  },
  {
    method: 'POST',
    path: '/v1/webhook_endpoints/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['url', 'enabled_events', 'disabled', 'description', 'metadata']);
      const endpoint = requireEndpoint(ctx);
      const url = optionalString(ctx.params, 'url');
      if (url !== undefined) endpoint.url = url;
      const events = optionalStringList(ctx.params, 'enabled_events');
      if (events) endpoint.enabled_events = events;
      const disabled = optionalBoolean(ctx.params, 'disabled');
      if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
      endpoint.metadata = mergeMetadata(endpoint.metadata, ctx.params);
      return withoutSecret(endpoint);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/webhook_endpoints/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const endpoint = requireEndpoint(ctx);
      ctx.sim.state.endpoints.delete(endpoint.id);
      return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['limit', 'starting_after', 'ending_before']);
      const all =
        ctx.account === ctx.sim.platformId
          ? [...ctx.sim.state.endpoints.values()].map((r) => withoutSecret(r.endpoint))
          : [];
      return listOf(ctx, all.reverse());
    },
  },
];
