import { createServer, type Server } from 'node:http';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JANES_BEAUTY_STUDIO } from '../sandbox/stripe/seed.ts';
import { startSimulatorServer, type RunningSimulator } from '../sandbox/stripe/server.ts';

// The same behaviour over real HTTP: `npm run sim`'s server on a free port, the SDK's default Node client.
const SECRET = 'whsec_http_suite';
let running: RunningSimulator;
let receiver: Server;
let stripe: Stripe;
const waiters: { type: string; resolve: (event: Stripe.Event) => void }[] = [];
const account = JANES_BEAUTY_STUDIO.id;

function nextEvent(type: string): Promise<Stripe.Event> {
  return new Promise((resolve) => waiters.push({ type, resolve }));
}

async function control(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${running.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  running = await startSimulatorServer({ port: 0 });
  const sim = new URL(running.url);
  stripe = new Stripe('sk_test_http', {
    host: sim.hostname,
    port: Number(sim.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void stripe.webhooks.constructEventAsync(body, String(req.headers['stripe-signature']), SECRET).then(
        (event) => {
          res.writeHead(200).end();
          for (const waiter of waiters.filter((w) => w.type === event.type)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
        },
        () => res.writeHead(400).end(),
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await control('/_sim/connect', { account });
  await control('/_sim/webhook_endpoints', {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    connect: true,
    secret: SECRET,
  });
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await running?.close();
});

describe('simulator over HTTP', () => {
  it('charges, refunds and delivers signed webhooks by itself', async () => {
    const customer = await stripe.customers.create({ email: 'http@example.com' }, { stripeAccount: account });
    const pm = await stripe.paymentMethods.attach(
      'pm_card_visa',
      { customer: customer.id },
      { stripeAccount: account },
    );
    const succeeded = nextEvent('payment_intent.succeeded');
    const pi = await stripe.paymentIntents.create(
      {
        amount: 2500,
        currency: 'usd',
        customer: customer.id,
        payment_method: pm.id,
        allowed_payment_method_types: ['card'],
        confirm: true,
        off_session: true,
        metadata: { invoice: '9' },
      },
      { stripeAccount: account, idempotencyKey: 'http-9' },
    );
    const event = await succeeded;
    expect([event.account, (event.data.object as Stripe.PaymentIntent).id]).toEqual([account, pi.id]);
    const refunded = nextEvent('charge.refunded');
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 }, { stripeAccount: account });
    expect(refund.status).toBe('succeeded');
    expect(((await refunded).data.object as Stripe.Charge).amount_refunded).toBe(500);
  });

  it('answers declines with Stripe’s 402 body', async () => {
    const customer = await stripe.customers.create({}, { stripeAccount: account });
    await expect(
      stripe.paymentIntents.create(
        {
          amount: 2500,
          currency: 'usd',
          customer: customer.id,
          payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds',
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
        },
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });
  });

  it('drops the connection after committing when asked', async () => {
    await control('/_sim/faults', { mode: 'drop_after_commit', count: 1, path: '/v1/customers' });
    const dropped = fetch(`${running.url}/v1/customers`, {
      method: 'POST',
      body: 'email=dropped%40example.com',
      headers: {
        authorization: 'Bearer sk_test_http',
        'content-type': 'application/x-www-form-urlencoded',
        'stripe-account': account,
      },
    });
    await expect(dropped).rejects.toThrow(/fetch failed/);
    const list = await stripe.customers.list({ email: 'dropped@example.com' }, { stripeAccount: account });
    expect(list.data).toHaveLength(1);
  });

  it('replays the committed result when the SDK retries a dropped request with its idempotency key', async () => {
    await control('/_sim/faults', { mode: 'drop_after_commit', count: 1, path: '/v1/customers' });
    // stripe-node retries a reset connection with the same Idempotency-Key; the simulator replays the first result.
    const customer = await stripe.customers.create({ email: 'retried@example.com' }, { stripeAccount: account });
    const list = await stripe.customers.list({ email: 'retried@example.com' }, { stripeAccount: account });
    expect(list.data.map((c) => c.id)).toEqual([customer.id]);
  });

  it('answers the SDK’s OAuth calls on the API origin', async () => {
    await expect(
      stripe.oauth.token({ grant_type: 'authorization_code', code: 'ac_never_issued' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
  });

  it('serves Stripe.js and the OAuth page on the API origin', async () => {
    const js = await fetch(`${running.url}/v3/`);
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'application/javascript; charset=utf-8']);
    expect(await js.text()).toContain('window.Stripe = Stripe');
    const page = await fetch(
      `${running.url}/oauth/authorize?response_type=code&client_id=ca_sandboxqtbridge&scope=read_write&redirect_uri=http://127.0.0.1:8787/connect/callback&stripe_landing=login`,
    );
    expect(await page.text()).toContain('data-testid="oauth-signin"');
  });
});
