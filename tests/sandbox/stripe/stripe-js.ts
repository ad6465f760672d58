import { STRIPE_JS_ELEMENTS } from './stripe-js-elements.ts';

/**
 * The Stripe.js stand-in served at `/v3/`: `Stripe(pk, {stripeAccount})`, Elements with a Payment
 * Element made of plain inputs, confirmSetup/confirmPayment, retrieve*, and a visible 3-D Secure step.
 * Plain ES2017 served from an origin standing for js.stripe.com, calling the API origin (api.stripe.com),
 * and mounting a controller frame from its own origin, as real Stripe.js does.
 */
const CORE = String.raw`
  function encode(value, prefix, out) {
    if (value === undefined || value === null) return out;
    if (typeof value === 'object') {
      Object.keys(value).forEach(function (k) { encode(value[k], prefix ? prefix + '[' + k + ']' : k, out); });
      return out;
    }
    out.push(encodeURIComponent(prefix) + '=' + encodeURIComponent(String(value)));
    return out;
  }
  function intentId(clientSecret) { return String(clientSecret || '').split('_secret_')[0]; }
  function IntegrationError(message) { var e = new Error(message); e.name = 'IntegrationError'; return e; }

  function Stripe(key, options) {
    if (!(this instanceof Stripe)) return new Stripe(key, options);
    if (typeof key !== 'string' || key.indexOf('pk_') !== 0) {
      throw IntegrationError('Invalid API Key provided: ' + key + '. Stripe.js needs a publishable key (pk_test_...).');
    }
    this._key = key;
    this._account = options && options.stripeAccount;
  }
  Stripe.prototype._api = function (method, path, params) {
    var headers = { Authorization: 'Bearer ' + this._key };
    if (this._account) headers['Stripe-Account'] = this._account;
    var init = { method: method, headers: headers };
    var query = '';
    var body = encode(params || {}, '', []).join('&');
    if (method === 'GET') query = body ? '?' + body : '';
    else { headers['Content-Type'] = 'application/x-www-form-urlencoded'; init.body = body; }
    return fetch(API + path + query, init).then(function (r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); });
  };
  Stripe.prototype.elements = function (options) { return new Elements(this, options || {}); };
  Stripe.prototype._retrieve = function (kind, clientSecret) {
    var key = kind === 'payment_intent' ? 'paymentIntent' : 'setupIntent';
    return this._api('GET', '/v1/' + kind + 's/' + intentId(clientSecret), { client_secret: clientSecret }).then(function (res) {
      var out = {};
      if (res.status === 200) out[key] = res.body; else out.error = res.body.error;
      return out;
    });
  };
  Stripe.prototype.retrievePaymentIntent = function (cs) { return this._retrieve('payment_intent', cs); };
  Stripe.prototype.retrieveSetupIntent = function (cs) { return this._retrieve('setup_intent', cs); };

  Stripe.prototype._authenticate = function (kind, intent, clientSecret) {
    var self = this;
    return showThreeDSecure(intent).then(function (outcome) {
      return fetch(API + '/_sim/3ds/' + intent.id, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_secret: clientSecret, outcome: outcome }),
      }).then(function () { return self._retrieve(kind, clientSecret); });
    });
  };

  // Real Stripe.js runs from frames of its own origin (a hidden controller, the Elements): a page whose
  // CSP frame-src leaves that origin out gets no working Stripe.js, and neither does this stand-in.
  var controllerReady = null;
  function controller() {
    if (controllerReady) return controllerReady;
    controllerReady = new Promise(function (resolve, reject) {
      var frame = document.createElement('iframe');
      frame.name = '__privateStripeController' + Math.random().toString(36).slice(2, 10);
      frame.src = JS + '/v3/controller.html';
      frame.title = 'Stripe controller';
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.style.cssText = 'border:0;width:1px;height:1px;position:absolute;left:-9999px;top:0';
      var timer = setTimeout(function () {
        reject(IntegrationError('Stripe.js could not load its frame at ' + JS + ': the page\'s Content-Security-Policy must allow it in frame-src.'));
      }, 5000);
      window.addEventListener('message', function (event) {
        if (event.origin === JS && event.data && event.data.type === 'sim-stripe-controller-ready') { clearTimeout(timer); resolve(); }
      });
      (document.body || document.documentElement).appendChild(frame);
    });
    controllerReady.catch(function () {});
    return controllerReady;
  }

  Stripe.prototype._confirm = function (kind, options) {
    var self = this;
    var element = options && options.elements && options.elements._payment;
    return controller().then(function () { return self._confirmNow(kind, options); }, function (e) {
      if (element) element._showError(e.message);
      return { error: { type: 'invalid_request_error', code: 'stripe_js_blocked', message: e.message } };
    });
  };

  Stripe.prototype._confirmNow = function (kind, options) {
    var self = this;
    options = options || {};
    var elements = options.elements;
    var confirmParams = options.confirmParams || {};
    var clientSecret = options.clientSecret || (elements && elements._clientSecret);
    var key = kind === 'payment_intent' ? 'paymentIntent' : 'setupIntent';
    if (!clientSecret) return Promise.reject(IntegrationError('Missing clientSecret: pass it to elements() or to this call.'));
    if (options.redirect !== 'if_required' && !confirmParams.return_url) {
      return Promise.reject(IntegrationError('stripe.confirm' + (kind === 'payment_intent' ? 'Payment' : 'Setup') + '(): the confirmParams.return_url argument is required unless passing redirect: \'if_required\''));
    }
    var element = elements && elements._payment;
    var billing = (confirmParams.payment_method_data && confirmParams.payment_method_data.billing_details) || {};
    var pmPromise;
    if (confirmParams.payment_method) pmPromise = Promise.resolve({ id: confirmParams.payment_method });
    else if (!element) return Promise.reject(IntegrationError('Pass elements with a mounted Payment Element.'));
    // The card fields live in Stripe's frame: it validates them and makes the PaymentMethod itself.
    else pmPromise = element._check(true).then(function (invalid) { if (invalid) throw { invalid: invalid }; return element._paymentMethod(billing); });
    if (element) element._setBusy(true);
    return pmPromise.then(function (pm) {
      var params = { client_secret: clientSecret, payment_method: pm.id, use_stripe_sdk: 'true' };
      if (confirmParams.return_url) params.return_url = confirmParams.return_url;
      if (kind === 'payment_intent' && confirmParams.receipt_email) params.receipt_email = confirmParams.receipt_email;
      if (kind === 'payment_intent' && confirmParams.setup_future_usage) params.setup_future_usage = confirmParams.setup_future_usage;
      return self._api('POST', '/v1/' + kind + 's/' + intentId(clientSecret) + '/confirm', params);
    }).then(function (res) {
      if (res.status !== 200) throw { stripeError: res.body.error };
      var intent = res.body;
      if (intent.status === 'requires_action') return self._authenticate(kind, intent, clientSecret).then(function (r) { return r[key]; });
      return intent;
    }).then(function (intent) {
      if (intent.status === 'requires_payment_method') {
        var last = intent.last_payment_error || intent.last_setup_error || {};
        var error = { type: last.type, code: last.code, decline_code: last.decline_code, message: last.message, payment_method: last.payment_method };
        error[kind] = intent;
        throw { stripeError: error };
      }
      if (element) element._showError(null);
      if (options.redirect === 'if_required') { var ok = {}; ok[key] = intent; return ok; }
      var target = new URL(confirmParams.return_url, location.href);
      target.searchParams.set(kind, intent.id);
      target.searchParams.set(kind + '_client_secret', clientSecret);
      target.searchParams.set('redirect_status', intent.status === 'succeeded' || intent.status === 'processing' ? 'succeeded' : 'failed');
      location.assign(target.toString());
      return new Promise(function () {});
    }).catch(function (e) {
      if (e && e.invalid) return { error: e.invalid };
      if (!e || !e.stripeError) throw e;
      if (element) element._showError(e.stripeError.message);
      return { error: e.stripeError };
    }).finally(function () { if (element) element._setBusy(false); });
  };
  Stripe.prototype.confirmPayment = function (options) { return this._confirm('payment_intent', options); };
  Stripe.prototype.confirmSetup = function (options) { return this._confirm('setup_intent', options); };
  Stripe.prototype.handleNextAction = function (options) {
    var self = this;
    var cs = options && options.clientSecret;
    var kind = String(cs).indexOf('seti_') === 0 ? 'setup_intent' : 'payment_intent';
    var key = kind === 'payment_intent' ? 'paymentIntent' : 'setupIntent';
    return self._retrieve(kind, cs).then(function (r) {
      if (r.error || r[key].status !== 'requires_action') return r;
      return self._authenticate(kind, r[key], cs);
    });
  };

  function showThreeDSecure(intent) {
    return new Promise(function (resolve) {
      var overlay = document.createElement('div');
      overlay.setAttribute('data-testid', 'threeds-modal');
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-label', '3D Secure authentication');
      overlay.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647;font-family:sans-serif';
      var box = document.createElement('div');
      box.style.cssText = 'background:#fff;border-radius:8px;padding:24px;max-width:360px;text-align:center';
      var amount = intent.object === 'payment_intent' ? '<p>' + (intent.amount / 100).toFixed(2) + ' ' + intent.currency.toUpperCase() + '</p>' : '';
      box.innerHTML = '<h2 style="margin-top:0">3D Secure 2 Test Page</h2><p>Your bank asks you to confirm it\'s you.</p>' + amount;
      ['complete', 'fail'].forEach(function (outcome) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = outcome === 'complete' ? 'Complete' : 'Fail';
        b.setAttribute('data-testid', 'threeds-' + outcome);
        b.style.cssText = 'margin:8px;padding:8px 20px;border:0;border-radius:4px;color:#fff;background:' + (outcome === 'complete' ? '#635bff' : '#df1b41');
        b.addEventListener('click', function () { overlay.remove(); resolve(outcome); });
        box.appendChild(b);
      });
      overlay.appendChild(box);
      document.body.appendChild(overlay);
    });
  }
`;

/** Stripe.js as served from `jsOrigin` (js.stripe.com), calling the API at `apiOrigin` (api.stripe.com). */
export function STRIPE_JS_SOURCE(apiOrigin: string, jsOrigin: string): string {
  return `(function () {\n'use strict';\nvar API = ${JSON.stringify(apiOrigin)};\nvar JS = ${JSON.stringify(jsOrigin)};\n${CORE}\n${STRIPE_JS_ELEMENTS}\nwindow.Stripe = Stripe;\nwindow.Stripe.version = 3;\n})();\n`;
}

/** The Payment Element's frame, served from the js origin: the card fields live here, out of the merchant page's reach. */
export const STRIPE_JS_ELEMENT_FRAME = `<!doctype html><html><head><meta charset="utf-8"><title>Secure payment input frame</title>
<style>body{margin:0;padding:2px;font-family:sans-serif;background:transparent}</style>
<script>window.__simStripeInner = true;</script><script src="/v3/"></script></head><body><div id="root"></div>
<script>${String.raw`
(function () {
  var q = new URLSearchParams(location.search);
  var host = q.get('origin');
  var stripe = Stripe(q.get('pk'), q.get('account') ? { stripeAccount: q.get('account') } : undefined);
  var element = stripe.elements({ clientSecret: q.get('cs') || undefined }).create('payment');
  function send(message) { message.source = 'sim-stripe-element'; parent.postMessage(message, host); }
  function size() { send({ type: 'size', height: document.body.scrollHeight }); }
  ['ready', 'change', 'focus', 'blur', 'loaderror'].forEach(function (type) {
    element.on(type, function (event) { send({ type: type, event: JSON.parse(JSON.stringify(event || {})) }); size(); });
  });
  window.addEventListener('message', function (event) {
    var m = event.data || {};
    if (event.source !== parent || m.source !== 'sim-stripe-host') return;
    var reply = function (value) { send({ type: 'reply', id: m.id, value: value === undefined ? null : value }); size(); };
    var fail = function (e) { send({ type: 'reply', id: m.id, error: (e && e.stripeError) || { type: 'api_error', message: String(e && e.message || e) } }); size(); };
    if (m.type === 'check') reply(element._validate(m.showAll));
    else if (m.type === 'payment_method') element._paymentMethod(m.billing).then(reply, fail);
    else if (m.type === 'error') { element._showError(m.message); size(); }
    else if (m.type === 'busy') element._setBusy(m.busy);
    else if (m.type === 'clear') element.clear();
    else if (m.type === 'focus') element.focus();
  });
  element.mount('#root');
})();
`}</script></body></html>`;

/** The hidden controller frame Stripe.js mounts from its own origin; it only says it loaded. */
export const STRIPE_JS_CONTROLLER = `<!doctype html><html><head><meta charset="utf-8"><title>Stripe controller</title></head><body>
<script>parent.postMessage({ type: 'sim-stripe-controller-ready' }, '*');</script></body></html>`;
