import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { JANES_BEAUTY_STUDIO } from '../sandbox/stripe/seed.ts';
import { startSimulatorServer } from '../sandbox/stripe/server.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sdk(url: string): Stripe {
  const u = new URL(url);
  return new Stripe('sk_test_persist', {
    host: u.hostname,
    port: Number(u.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

describe('state file (STRIPE_SIM_STATE_FILE)', () => {
  it('keeps customers, connections and pending timers across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stripe-sim-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    const account = JANES_BEAUTY_STUDIO.id;
    const first = await startSimulatorServer({ port: 0, stateFile, autoDeliver: false });
    await fetch(`${first.url}/_sim/connect`, { method: 'POST', body: JSON.stringify({ account }) });
    const stripe = sdk(first.url);
    const customer = await stripe.customers.create({ email: 'kept@example.com' }, { stripeAccount: account });
    const pm = await stripe.paymentMethods.attach(
      'pm_card_refundFail',
      { customer: customer.id },
      { stripeAccount: account },
    );
    const pi = await stripe.paymentIntents.create(
      {
        amount: 3000,
        currency: 'usd',
        customer: customer.id,
        payment_method: pm.id,
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
      },
      { stripeAccount: account },
    );
    const refund = await stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: account });
    await first.close();

    const second = await startSimulatorServer({ port: 0, stateFile, autoDeliver: false });
    const again = sdk(second.url);
    expect((await again.customers.retrieve(customer.id, {}, { stripeAccount: account })).id).toBe(customer.id);
    await second.sim.clock.advance(60);
    expect((await again.refunds.retrieve(refund.id, {}, { stripeAccount: account })).status).toBe('failed');
    await second.close();
  });
});
