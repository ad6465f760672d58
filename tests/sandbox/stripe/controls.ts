import { CORS_HEADERS } from './api.ts';
import { notifyBalanceGrew } from './balance.ts';
import type { Sim } from './sim.ts';
import { balanceFor, type FaultMode } from './state.ts';
import { registerEndpoint } from './webhook-endpoints.ts';

export interface ControlHooks {
  reset(): void;
  deliverWebhooks(): Promise<number>;
  advance(seconds: number): Promise<void>;
}

type Body = { [key: string]: unknown };

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body, null, 2), {
    status,
    headers: { 'content-type': 'application/json', ...CORS_HEADERS },
  });
}

class BadControl extends Error {}

async function readBody(request: Request): Promise<Body> {
  const text = await request.text();
  if (text === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new BadControl('body must be a JSON object');
  return parsed as Body;
}

function str(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new BadControl(`${key} must be a non-empty string`);
  return value;
}

function int(body: Body, key: string, fallback?: number): number {
  const value = body[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new BadControl(`${key} must be an integer`);
  return value;
}

const FAULT_MODES: readonly FaultMode[] = ['error_500', 'error_500_saved', 'hang', 'drop_after_commit'];

/** `/_sim/*`: sandbox controls for tests and people (JSON in, JSON out). */
export async function handleControls(sim: Sim, request: Request, url: URL, hooks: ControlHooks): Promise<Response> {
  const action = `${request.method} ${url.pathname.replace(/\/+$/, '')}`;
  const { state } = sim;
  try {
    const body = request.method === 'POST' ? await readBody(request) : {};
    switch (action) {
      case 'POST /_sim/reset':
        hooks.reset();
        return reply(200, { ok: true });
      case 'POST /_sim/balance': {
        const account = str(body, 'account');
        const record = state.accounts.get(account);
        if (!record) throw new BadControl(`no account ${account}`);
        const balance = balanceFor(record, typeof body.currency === 'string' ? body.currency : 'usd');
        balance.available = int(body, 'available', balance.available);
        balance.pending = int(body, 'pending', balance.pending);
        notifyBalanceGrew(sim, account);
        return reply(200, { account, ...Object.fromEntries([...record.balances].map(([c, b]) => [c, b])) });
      }
      case 'GET /_sim/clock':
        return reply(200, { now: sim.now() });
      case 'POST /_sim/clock/advance':
        await hooks.advance(int(body, 'seconds'));
        return reply(200, { now: sim.now() });
      case 'POST /_sim/deliver':
        return reply(200, { attempted: await hooks.deliverWebhooks() });
      case 'GET /_sim/deliveries':
        return reply(200, {
          deliveries: state.deliveries.map((d) => ({
            id: d.id,
            event: d.eventId,
            type: d.eventType,
            endpoint: d.endpointId,
            url: d.url,
            state: d.state,
            attempts: d.attempts,
            next_attempt_at: d.nextAttemptAt,
          })),
        });
      case 'POST /_sim/webhooks/hold':
        state.webhooks.held = true;
        return reply(200, { held: true });
      case 'POST /_sim/webhooks/release':
        state.webhooks.held = false;
        for (const d of state.deliveries) {
          if (d.state !== 'held') continue;
          d.state = 'pending';
          d.nextAttemptAt = sim.now();
        }
        sim.onDeliveriesQueued();
        return reply(200, { held: false });
      case 'POST /_sim/webhooks/duplicate':
        state.webhooks.duplicateNext += int(body, 'count', 1);
        return reply(200, { duplicate_next: state.webhooks.duplicateNext });
      case 'POST /_sim/webhooks/reorder': {
        // Undelivered deliveries go out newest first.
        const waiting = state.deliveries.filter((d) => d.state === 'held' || d.state === 'pending');
        const done = state.deliveries.filter((d) => !waiting.includes(d));
        state.deliveries = [...done, ...waiting.reverse()];
        return reply(200, { reordered: waiting.length });
      }
      case 'POST /_sim/faults': {
        const mode = FAULT_MODES.find((m) => m === body.mode);
        if (!mode) throw new BadControl(`mode must be one of ${FAULT_MODES.join(', ')}`);
        const path = body.path === undefined ? undefined : str(body, 'path');
        state.faults.push({ mode, remaining: int(body, 'count', 1), ...(path ? { path } : {}) });
        return reply(200, { faults: state.faults });
      }
      case 'GET /_sim/faults':
        return reply(200, { faults: state.faults });
      case 'POST /_sim/faults/clear':
        state.faults = [];
        return reply(200, { faults: [] });
      case 'POST /_sim/webhook_endpoints': {
        const events = Array.isArray(body.enabled_events)
          ? body.enabled_events.filter((e): e is string => typeof e === 'string')
          : undefined;
        const endpoint = registerEndpoint(sim, {
          url: str(body, 'url'),
          connect: body.connect === true,
          livemode: body.livemode === true,
          ...(body.secret === undefined ? {} : { secret: str(body, 'secret') }),
          ...(events ? { enabledEvents: events } : {}),
        });
        return reply(200, endpoint);
      }
      case 'POST /_sim/oauth/clients': {
        // Like the Dashboard's Connect settings: a client id per mode and the redirect URIs it may use.
        const id = str(body, 'client_id');
        if (!/^ca_[A-Za-z0-9]+$/.test(id)) throw new BadControl('client_id starts with ca_');
        const uris = Array.isArray(body.redirect_uris)
          ? body.redirect_uris.filter((u): u is string => typeof u === 'string')
          : [];
        for (const uri of uris) if (!/^https?:\/\/[^/]+/.test(uri)) throw new BadControl(`not an absolute URI: ${uri}`);
        const client = state.oauthClients.get(id) ?? { id, livemode: body.livemode === true, redirectUris: [] };
        if (body.livemode !== undefined) client.livemode = body.livemode === true;
        for (const uri of uris) if (!client.redirectUris.includes(uri)) client.redirectUris.push(uri);
        state.oauthClients.set(id, client);
        return reply(200, { client_id: client.id, livemode: client.livemode, redirect_uris: client.redirectUris });
      }
      case 'POST /_sim/live_key': {
        const key = str(body, 'key');
        if (!/^sk_live_[A-Za-z0-9]+$/.test(key)) throw new BadControl('key must look like sk_live_…');
        state.liveKey = key;
        return reply(200, { live_key: `${key.slice(0, 8)}…` });
      }
      case 'POST /_sim/connect': {
        const record = state.accounts.get(str(body, 'account'));
        if (!record || record.controlledElsewhere)
          throw new BadControl('no such account, or it is controlled by another platform');
        record.connected = true;
        return reply(200, { account: record.account.id, connected: true });
      }
      case 'GET /_sim/accounts':
        return reply(200, {
          accounts: [...state.accounts.values()].map((r) => ({
            id: r.account.id,
            business_name: r.account.business_profile?.name ?? null,
            connected: r.connected,
            platform: r.isPlatform,
            controlled_elsewhere: r.controlledElsewhere,
            publishable_key: r.publishableKey,
            balances: Object.fromEntries(r.balances),
          })),
        });
      default:
        return reply(404, { error: `unknown control ${action}` });
    }
  } catch (e) {
    if (e instanceof BadControl || e instanceof SyntaxError) return reply(400, { error: e.message });
    if (e instanceof Error && 'body' in e) return reply(400, { error: e.message });
    throw e;
  }
}
