import { type Route } from './context.ts';
import { id as routeId } from './context.ts';
import { resourceMissing } from './errors.ts';
import { newId } from './ids.ts';
import type { BalanceTransaction } from './models.ts';
import { cardFee } from './money.ts';
import { rejectUnknown } from './params.ts';
import { onTimer, schedule, type Sim } from './sim.ts';
import { balanceFor, findObject, putObject, type AccountRecord } from './state.ts';

/** Card funds become available two days after the charge (Stripe's test-mode payout schedule). */
const SETTLEMENT_SECONDS = 2 * 24 * 3600;

/** Listeners told when an account's available balance grew (pending refunds wait on this). */
export const balanceListeners: ((sim: Sim, account: string) => void)[] = [];

export function accountRecord(sim: Sim, account: string): AccountRecord {
  const record = sim.state.accounts.get(account);
  if (!record) throw new Error(`unknown account ${account}`);
  return record;
}

export function notifyBalanceGrew(sim: Sim, account: string): void {
  for (const listener of balanceListeners) listener(sim, account);
}

/** Books a card charge: fee per Stripe pricing, funds pending until settlement (or at once for …0077). */
export function bookCharge(
  sim: Sim,
  account: string,
  chargeId: string,
  amount: number,
  currency: string,
  immediately: boolean,
): BalanceTransaction {
  const fee = cardFee(amount, currency);
  const now = sim.now();
  const txn: BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: immediately ? now : now + SETTLEMENT_SECONDS,
    created: now,
    currency,
    description: null,
    exchange_rate: null,
    fee,
    fee_details: [
      { amount: fee, application: null, currency, description: 'Stripe processing fees', type: 'stripe_fee' },
    ],
    net: amount - fee,
    reporting_category: 'charge',
    source: chargeId,
    status: immediately ? 'available' : 'pending',
    type: 'charge',
  };
  putObject(sim.state, account, txn);
  const balance = balanceFor(accountRecord(sim, account), currency);
  if (immediately) {
    balance.available += txn.net;
    notifyBalanceGrew(sim, account);
  } else {
    balance.pending += txn.net;
    schedule(sim, { at: txn.available_on, kind: 'settle_charge', account, id: txn.id });
  }
  return txn;
}

onTimer('settle_charge', (sim, account, id) => {
  const txn = findObject(sim.state, account, id, 'balance_transaction');
  if (!txn || txn.status !== 'pending') return;
  txn.status = 'available';
  const balance = balanceFor(accountRecord(sim, account), txn.currency);
  balance.pending -= txn.net;
  balance.available += txn.net;
  notifyBalanceGrew(sim, account);
});

/** Books money leaving (refund, negative) or coming back (refund failure, positive) from the available balance. */
export function bookAvailable(
  sim: Sim,
  account: string,
  sourceId: string,
  amount: number,
  currency: string,
  type: 'refund' | 'refund_failure',
): BalanceTransaction {
  const now = sim.now();
  const txn: BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: now,
    created: now,
    currency,
    description: type === 'refund' ? 'REFUND FOR CHARGE' : 'REFUND FAILURE',
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: amount,
    reporting_category: type,
    source: sourceId,
    status: 'available',
    type,
  };
  putObject(sim.state, account, txn);
  balanceFor(accountRecord(sim, account), currency).available += amount;
  if (amount > 0) notifyBalanceGrew(sim, account);
  return txn;
}

export const balanceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/balance',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const record = accountRecord(ctx.sim, ctx.account);
      const entries = [...record.balances.entries()];
      if (entries.length === 0) entries.push(['usd', { available: 0, pending: 0 }]);
      return {
        object: 'balance',
        available: entries.map(([currency, b]) => ({
          amount: b.available,
          currency,
          source_types: { card: b.available },
        })),
        livemode: false,
        pending: entries.map(([currency, b]) => ({ amount: b.pending, currency, source_types: { card: b.pending } })),
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/balance_transactions/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const txn = findObject(ctx.sim.state, ctx.account, routeId(ctx), 'balance_transaction');
      if (!txn) throw resourceMissing('balance transaction', routeId(ctx), 'id');
      return txn;
    },
  },
];
