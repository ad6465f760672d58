import { id as routeId, type Ctx, type Route } from './context.ts';
import { invalidRequest, StripeApiError } from './errors.ts';
import { newId } from './ids.ts';
import { listOf } from './lists.ts';
import type { Account } from './models.ts';
import { mergeMetadata, optionalEnum, optionalHash, optionalString, rejectUnknown } from './params.ts';
import { accountObject, accountRecord } from './seed.ts';
import type { Sim } from './sim.ts';

/** A new Standard account, connected to the platform (what accounts.create and "create one" on OAuth make). */
export function createStandardAccount(
  sim: Sim,
  businessName: string | null,
  email: string | null,
  ownerEmail: string | null,
): Account {
  const account = accountObject(newId('acct').slice(0, 21), businessName, email, sim.now());
  sim.state.accounts.set(account.id, accountRecord(account, { ownerEmail, connected: true }));
  return account;
}

function noAccess(ctx: Ctx, accountId: string): StripeApiError {
  return new StripeApiError(401, {
    type: 'invalid_request_error',
    code: 'account_invalid',
    message: `The provided key 'sk_test_***' does not have access to account '${accountId}' (or that account does not exist). Application access may have been revoked.`,
  });
}

function requireVisible(ctx: Ctx, accountId: string): Account {
  const record = ctx.sim.state.accounts.get(accountId);
  // The platform sees itself and its connected accounts; a connected account sees only itself.
  const visible = record && (accountId === ctx.account || (ctx.account === ctx.sim.platformId && record.connected));
  if (!record || !visible) throw noAccess(ctx, accountId);
  return record.account;
}

export const accountRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/accounts',
    handle: (ctx) => {
      rejectUnknown(ctx.params, [
        'type',
        'country',
        'email',
        'business_profile',
        'business_type',
        'metadata',
        'controller',
        'capabilities',
        'default_currency',
      ]);
      if (ctx.account !== ctx.sim.platformId)
        throw invalidRequest('Only Stripe Connect platforms can work with other accounts.', {}, 400);
      const type = optionalEnum(ctx.params, 'type', ['standard', 'express', 'custom'] as const);
      if (type !== undefined && type !== 'standard')
        throw invalidRequest('The sandbox creates Standard accounts only (type=standard).', { param: 'type' });
      if (type === undefined && ctx.params.controller === undefined)
        throw invalidRequest('You must provide either `type` or `controller`.', {
          code: 'parameter_missing',
          param: 'type',
        });
      const profile = optionalHash(ctx.params, 'business_profile');
      if (profile)
        rejectUnknown(
          profile,
          ['name', 'url', 'mcc', 'product_description', 'support_email', 'support_phone', 'support_url'],
          'business_profile',
        );
      const name = profile && typeof profile.name === 'string' ? profile.name : null;
      const email = optionalString(ctx.params, 'email') ?? null;
      const account = createStandardAccount(ctx.sim, name, email, null);
      account.metadata = mergeMetadata({}, ctx.params);
      return account;
    },
  },
  {
    method: 'GET',
    path: '/v1/accounts/:id',
    handle: (ctx) => (rejectUnknown(ctx.params, []), requireVisible(ctx, routeId(ctx))),
  },
  {
    method: 'GET',
    path: '/v1/account',
    handle: (ctx) => (rejectUnknown(ctx.params, []), requireVisible(ctx, ctx.account)),
  },
  {
    method: 'GET',
    path: '/v1/accounts',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['limit', 'starting_after', 'ending_before', 'created']);
      const connected = [...ctx.sim.state.accounts.values()]
        .filter((r) => r.connected && !r.isPlatform)
        .map((r) => r.account);
      return listOf(ctx, connected.reverse());
    },
  },
];
