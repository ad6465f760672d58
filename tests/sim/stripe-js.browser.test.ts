import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JANES_BEAUTY_STUDIO } from '../sandbox/stripe/seed.ts';
import { startSimulatorServer, type RunningSimulator } from '../sandbox/stripe/server.ts';

// A merchant page like the worker's /card and /pay pages: Stripe.js from the simulator's js.stripe.com
// stand-in (an origin of its own), Payment Element, confirm — under a CSP shaped like the worker's.
const PAGE = (
  jsUrl: string,
) => `<!doctype html><html><head><meta charset="utf-8"><script src="${jsUrl}/v3/"></script></head><body>
<form id="form"><div id="element"></div><button id="submit" type="submit">Save</button></form><pre id="result"></pre>
<script>
  const q = new URLSearchParams(location.search);
  const stripe = Stripe(q.get('pk'), { stripeAccount: q.get('account') });
  const elements = stripe.elements({ clientSecret: q.get('cs') });
  const element = elements.create('payment');
  element.on('ready', () => document.body.dataset.ready = 'yes');
  element.on('loaderror', (event) => { document.body.dataset.ready = 'no'; document.getElementById('result').textContent = 'loaderror:' + event.error.message; });
  element.mount('#element');
  document.getElementById('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const submitted = await elements.submit();
    if (submitted.error) { document.getElementById('result').textContent = 'invalid:' + submitted.error.code; return; }
    const confirm = q.get('kind') === 'setup' ? stripe.confirmSetup.bind(stripe) : stripe.confirmPayment.bind(stripe);
    const redirect = q.get('redirect') === 'always' ? undefined : 'if_required';
    const result = await confirm({ elements, confirmParams: { return_url: location.origin + '/done' }, redirect });
    const intent = result.setupIntent || result.paymentIntent;
    document.getElementById('result').textContent = result.error ? 'error:' + result.error.code : 'ok:' + intent.status;
  });
</script></body></html>`;

let running: RunningSimulator;
let pageServer: Server;
let pageUrl: string;
let browser: Browser;
let stripe: Stripe;
const account = JANES_BEAUTY_STUDIO.id;

beforeAll(async () => {
  running = await startSimulatorServer({ port: 0 });
  await fetch(`${running.url}/_sim/connect`, { method: 'POST', body: JSON.stringify({ account }) });
  const html = PAGE(running.jsUrl);
  // `?frames=none`: a page whose CSP leaves Stripe.js's origin out of frame-src.
  const csp = (frames: string) =>
    `default-src 'self'; script-src ${running.jsUrl} 'unsafe-inline'; frame-src ${frames}; connect-src 'self' ${running.url}`;
  pageServer = createServer((req, res) => {
    const frames =
      new URL(req.url ?? '/', 'http://x').searchParams.get('frames') === 'none'
        ? "'none'"
        : `${running.jsUrl} ${running.hooksUrl}`;
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp(frames) }).end(html);
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const address = pageServer.address();
  pageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const sim = new URL(running.url);
  stripe = new Stripe('sk_test_browser', {
    host: sim.hostname,
    port: Number(sim.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
  await running?.close();
});

async function openPage(
  kind: 'setup' | 'payment',
  clientSecret: string | null,
  redirect = 'if_required',
  frames = 'stripe',
): Promise<Page> {
  const page = await browser.newPage();
  const query = new URLSearchParams({
    kind,
    cs: clientSecret ?? '',
    pk: JANES_BEAUTY_STUDIO.publishableKey,
    account,
    redirect,
    frames,
  });
  await page.goto(`${pageUrl}?${query}`);
  await page.waitForSelector(frames === 'none' ? 'body[data-ready="no"]' : 'body[data-ready="yes"]', {
    timeout: 10_000,
  });
  return page;
}

/** The Payment Element's frame, served from the js.stripe.com stand-in: the card fields are only in there. */
function stripeFrame(page: Page) {
  return page.frameLocator('iframe[name^="__privateStripeFrame"]');
}

async function fillCard(page: Page, number: string): Promise<void> {
  const frame = stripeFrame(page);
  await frame.getByTestId('card-number').fill(number);
  await frame.getByTestId('card-expiry').fill('12 / 34');
  await frame.getByTestId('card-cvc').fill('123');
  await frame.getByTestId('card-postal').fill('12345');
  await page.click('#submit');
}

async function result(page: Page): Promise<string> {
  await page.waitForFunction(() => document.getElementById('result')?.textContent !== '');
  return (await page.textContent('#result')) ?? '';
}

describe('Stripe.js stand-in in Chromium', () => {
  it('saves a card with a SetupIntent and the card then charges off-session', async () => {
    const customer = await stripe.customers.create({}, { stripeAccount: account });
    const si = await stripe.setupIntents.create(
      { customer: customer.id, usage: 'off_session' },
      { stripeAccount: account },
    );
    const page = await openPage('setup', si.client_secret);
    await fillCard(page, '4242 4242 4242 4242');
    expect(await result(page)).toBe('ok:succeeded');
    const saved = await stripe.setupIntents.retrieve(si.id, {}, { stripeAccount: account });
    const pi = await stripe.paymentIntents.create(
      {
        amount: 1500,
        currency: 'usd',
        customer: customer.id,
        payment_method: String(saved.payment_method),
        allowed_payment_method_types: ['card'],
        off_session: true,
        confirm: true,
      },
      { stripeAccount: account },
    );
    expect(pi.status).toBe('succeeded');
  });

  it('completes 3-D Secure when setting up the …3155 card, after which off-session charges pass', async () => {
    const customer = await stripe.customers.create({}, { stripeAccount: account });
    const si = await stripe.setupIntents.create(
      { customer: customer.id, usage: 'off_session' },
      { stripeAccount: account },
    );
    const page = await openPage('setup', si.client_secret);
    await fillCard(page, '4000002500003155');
    await page.getByTestId('threeds-complete').click();
    expect(await result(page)).toBe('ok:succeeded');
    const saved = await stripe.setupIntents.retrieve(si.id, {}, { stripeAccount: account });
    const pi = await stripe.paymentIntents.create(
      {
        amount: 2500,
        currency: 'usd',
        customer: customer.id,
        payment_method: String(saved.payment_method),
        allowed_payment_method_types: ['card'],
        off_session: true,
        confirm: true,
      },
      { stripeAccount: account },
    );
    expect(pi.status).toBe('succeeded');
  });

  it('pays a PaymentIntent with the …3184 card after 3-D Secure Complete', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd' }, { stripeAccount: account });
    const page = await openPage('payment', pi.client_secret);
    await fillCard(page, '4000002760003184');
    await page.getByTestId('threeds-modal').waitFor();
    await page.getByTestId('threeds-complete').click();
    expect(await result(page)).toBe('ok:succeeded');
    expect((await stripe.paymentIntents.retrieve(pi.id, {}, { stripeAccount: account })).status).toBe('succeeded');
  });

  it('reports a failed 3-D Secure step and leaves the PaymentIntent unpaid', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd' }, { stripeAccount: account });
    const page = await openPage('payment', pi.client_secret);
    await fillCard(page, '4000002760003184');
    await page.getByTestId('threeds-fail').click();
    expect(await result(page)).toBe('error:payment_intent_authentication_failure');
    expect(await stripeFrame(page).getByTestId('card-error').textContent()).toContain('failed authentication');
    expect((await stripe.paymentIntents.retrieve(pi.id, {}, { stripeAccount: account })).status).toBe(
      'requires_payment_method',
    );
  });

  it('shows a declined card the way Stripe words it', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd' }, { stripeAccount: account });
    const page = await openPage('payment', pi.client_secret);
    await fillCard(page, '4000000000009995');
    expect(await result(page)).toBe('error:card_declined');
    expect(await stripeFrame(page).getByTestId('card-error').textContent()).toBe('Your card has insufficient funds.');
  });

  it('sends the customer to return_url with redirect_status when not asked to stay', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd' }, { stripeAccount: account });
    const page = await openPage('payment', pi.client_secret, 'always');
    await fillCard(page, '4242424242424242');
    await page.waitForURL(/\/done\?/);
    const landed = new URL(page.url());
    expect([landed.searchParams.get('payment_intent'), landed.searchParams.get('redirect_status')]).toEqual([
      pi.id,
      'succeeded',
    ]);
  });

  it('refuses an invalid card number before calling Stripe', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd' }, { stripeAccount: account });
    const page = await openPage('payment', pi.client_secret);
    await fillCard(page, '4242 4242 4242 4241');
    expect(await result(page)).toBe('invalid:invalid_number');
    expect(await stripeFrame(page).getByTestId('card-error').textContent()).toBe('Your card number is invalid.');
  });

  it('does not work on a page whose CSP keeps its frames out, as real Stripe.js would not', async () => {
    const si = await stripe.setupIntents.create(
      { customer: (await stripe.customers.create({}, { stripeAccount: account })).id },
      { stripeAccount: account },
    );
    const page = await openPage('setup', si.client_secret, 'if_required', 'none');
    expect(await page.locator('#result').textContent()).toMatch(
      /^loaderror:Stripe\.js could not load its frame at http:\/\/127\.0\.0\.1:\d+: .*frame-src/,
    );
    expect((await stripe.setupIntents.retrieve(si.id, {}, { stripeAccount: account })).status).toBe(
      'requires_payment_method',
    );
  });

  it('offers a bank debit besides the card when the intent has no type restriction, and only the card with allowed types card', async () => {
    const open = await stripe.setupIntents.create({}, { stripeAccount: account });
    const page = await openPage('setup', open.client_secret);
    expect(await stripeFrame(page).getByTestId('payment-method-us_bank_account').count()).toBe(1);
    await stripeFrame(page).getByTestId('payment-method-us_bank_account').click();
    expect(await stripeFrame(page).getByTestId('bank-account-note').isVisible()).toBe(true);
    expect(await page.locator('input').count()).toBe(0);
    const cardsOnly = await stripe.setupIntents.create(
      { allowed_payment_method_types: ['card'] },
      { stripeAccount: account },
    );
    const cardPage = await openPage('setup', cardsOnly.client_secret);
    expect(await stripeFrame(cardPage).getByTestId('payment-method-us_bank_account').count()).toBe(0);
    expect(await stripeFrame(cardPage).getByTestId('card-number').isVisible()).toBe(true);
  });
});
