import type { Context } from 'hono';
import { randomSecret } from '../crypto';
import type { AppEnv, Env } from '../env';
import { html, page, SafeHtml } from './html';

interface ElementPageConfig {
  mode: 'setup' | 'payment';
  /** The consultant's business, named above the heading so the customer knows who asks. */
  business: string | null;
  title: string;
  intro: string;
  /** What is being paid for (the pay page's invoice), under the intro. */
  summary: SafeHtml | null;
  /** The customer's agreement the submit button gives, shown right above it. */
  consent: string | null;
  /** After success: close the window (the consultant's card window) or reload into a receipt (pay page). */
  afterSuccess: 'close' | 'reload';
  submitLabel: string;
  doneMessage: string;
  publishableKey: string;
  stripeAccount: string;
  clientSecret: string;
  stripeJsUrl: string;
  /** POSTed after Stripe.js reports success, so the worker can act without waiting for a webhook. */
  completeUrl: string | null;
  nonce: string;
}

/** JSON inside a <script> tag: `<` escaped so no value can close the tag. */
function scriptJson(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c'));
}

/**
 * The one page where card details are typed: they go only into Stripe.js's Payment Element (PCI SAQ A);
 * this page's own script never reads a card field.
 */
function elementPage(c: ElementPageConfig): string {
  const config = {
    mode: c.mode,
    pk: c.publishableKey,
    account: c.stripeAccount,
    clientSecret: c.clientSecret,
    completeUrl: c.completeUrl,
    done: c.doneMessage,
    afterSuccess: c.afterSuccess,
  };
  const script = `
const config = JSON.parse(document.getElementById('config').textContent);
const stripe = Stripe(config.pk, { stripeAccount: config.account });
const elements = stripe.elements({ clientSecret: config.clientSecret });
elements.create('payment').mount('#payment-element');
const form = document.getElementById('card-form');
const button = document.getElementById('submit');
const error = document.getElementById('card-error');
const done = document.getElementById('card-done');
// The Payment Element shows its own field, card and authentication errors inside its frame; this
// page repeats none of them (one message per problem) and speaks only for the rest.
const shownByElement = (e) => e.type === 'validation_error' || e.type === 'card_error' || e.type === 'invalid_request_error';
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  button.disabled = true;
  error.textContent = '';
  const submitted = await elements.submit();
  if (submitted.error) { if (!shownByElement(submitted.error)) error.textContent = submitted.error.message; button.disabled = false; return; }
  const confirm = config.mode === 'setup' ? stripe.confirmSetup : stripe.confirmPayment;
  const result = await confirm.call(stripe, { elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
  if (result.error) { if (!shownByElement(result.error)) error.textContent = result.error.message; button.disabled = false; return; }
  if (config.completeUrl) {
    const res = await fetch(config.completeUrl, { method: 'POST' });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      error.textContent = (body && body.error && body.error.message) || 'The card was accepted by Stripe but could not be saved. Please try again.';
      button.disabled = false;
      return;
    }
  }
  form.hidden = true;
  done.hidden = false;
  done.textContent = config.done;
  if (config.afterSuccess === 'reload') location.replace(location.href);
  else setTimeout(() => window.close(), 1500);
});`;
  return page(
    c.title,
    html`${c.business ? html`<p class="biz" data-testid="page-business">${c.business}</p>` : ''}<h1>${c.title}</h1><p>${c.intro}</p>
${c.summary}
<form id="card-form"><div id="payment-element"></div>
<p id="card-error" class="err" role="alert" data-testid="card-error"></p>
${c.consent ? html`<p class="consent" data-testid="card-consent">${c.consent}</p>` : ''}
<button id="submit" type="submit" data-testid="card-submit">${c.submitLabel}</button></form>
<p id="card-done" class="ok" hidden data-testid="card-done"></p>
<p class="muted">Card details go straight to Stripe; the back office and the browser extension never see them.</p>
<script type="application/json" id="config">${scriptJson(config)}</script>
<script nonce="${c.nonce}">${new SafeHtml(script)}</script>`,
    html`<script src="${c.stripeJsUrl}"></script>`,
  );
}

/**
 * Stripe's documented hosts for pages that load Stripe.js (docs.stripe.com/security/guide#content-security-policy):
 * Stripe.js and its frames, 3-D Secure on hooks.stripe.com, and the API it calls. A deployment may
 * replace each list in [vars] (the sandbox points them at the simulator's origins).
 */
const STRIPE_CSP_HOSTS = {
  script: 'https://js.stripe.com https://*.js.stripe.com',
  frame: 'https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com',
  connect: 'https://api.stripe.com',
} as const;

type CspHosts = Pick<Env, 'STRIPE_CSP_SCRIPT_SRC' | 'STRIPE_CSP_FRAME_SRC' | 'STRIPE_CSP_CONNECT_SRC'>;

/** Stripe.js from Stripe's hosts, our one inline script by nonce, nothing else. */
function elementPageCsp(hosts: CspHosts, nonce: string): string {
  const script = hosts.STRIPE_CSP_SCRIPT_SRC || STRIPE_CSP_HOSTS.script;
  const frame = hosts.STRIPE_CSP_FRAME_SRC || STRIPE_CSP_HOSTS.frame;
  const connect = hosts.STRIPE_CSP_CONNECT_SRC || STRIPE_CSP_HOSTS.connect;
  return [
    `default-src 'self'`,
    `script-src ${script} 'nonce-${nonce}'`,
    `frame-src ${frame}`,
    `connect-src 'self' ${connect}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: https://*.stripe.com`,
    `base-uri 'none'`,
    `form-action 'self'`,
  ].join('; ');
}

export function notFoundPage(what: string): string {
  return page('Link not found', html`<h1 class="err">This link is not valid</h1><p>${what}</p>`);
}

/** What a route says about its element page; keys, Stripe.js and the CSP nonce come from here. */
export type ElementPageContent = Pick<
  ElementPageConfig,
  | 'mode'
  | 'business'
  | 'title'
  | 'intro'
  | 'summary'
  | 'consent'
  | 'afterSuccess'
  | 'submitLabel'
  | 'doneMessage'
  | 'clientSecret'
  | 'completeUrl'
> & { stripeAccount: string };

/** Answers with an element page: a fresh nonce, a CSP that admits only Stripe.js and it, no caching. */
export function elementResponse(c: Context<AppEnv>, content: ElementPageContent) {
  const nonce = randomSecret('', 16);
  c.header('Content-Security-Policy', elementPageCsp(c.env, nonce));
  c.header('Cache-Control', 'no-store');
  return c.html(
    elementPage({ ...content, publishableKey: c.env.STRIPE_PUBLISHABLE_KEY, stripeJsUrl: c.env.STRIPE_JS_URL, nonce }),
  );
}
