/** Elements and the Payment Element of the Stripe.js stand-in (see stripe-js.ts); errors worded as Stripe's. */
export const STRIPE_JS_ELEMENTS = String.raw`
  function luhn(number) {
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = Number(number.charAt(number.length - 1 - i));
      if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return number.length >= 12 && sum % 10 === 0;
  }

  function Elements(stripe, options) {
    this._stripe = stripe;
    this._clientSecret = options.clientSecret;
    this._payment = null;
  }
  Elements.prototype.create = function (type, options) {
    if (type !== 'payment') throw IntegrationError('The sandbox Stripe.js supports create(\'payment\') only.');
    if (this._payment) throw IntegrationError('Can only create one Element of type payment.');
    // On a merchant's page the fields go in a frame from Stripe's origin; inside that frame they are real inputs.
    this._payment = window.__simStripeInner ? new PaymentElement(this, options || {}) : new FramedPaymentElement(this, options || {});
    return this._payment;
  };
  Elements.prototype.getElement = function (type) { return type === 'payment' ? this._payment : null; };
  Elements.prototype.submit = function () {
    if (!this._payment) return Promise.resolve({ error: { type: 'validation_error', message: 'Mount a Payment Element first.' } });
    return this._payment._check(true).then(function (invalid) { return invalid ? { error: invalid } : {}; });
  };
  Elements.prototype.fetchUpdates = function () { return Promise.resolve({}); };
  Elements.prototype.update = function () {};

  var FIELDS = [
    { key: 'number', label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number', testid: 'card-number' },
    { key: 'expiry', label: 'Expiration date', placeholder: 'MM / YY', autocomplete: 'cc-exp', testid: 'card-expiry' },
    { key: 'cvc', label: 'Security code', placeholder: 'CVC', autocomplete: 'cc-csc', testid: 'card-cvc' },
    { key: 'postal', label: 'ZIP', placeholder: '12345', autocomplete: 'postal-code', testid: 'card-postal' },
  ];

  function PaymentElement(elements, options) {
    this._elements = elements;
    this._options = options;
    this._handlers = {};
    this._inputs = {};
    this._root = null;
  }
  PaymentElement.prototype.on = function (event, handler) {
    (this._handlers[event] = this._handlers[event] || []).push(handler);
    return this;
  };
  PaymentElement.prototype.off = function (event, handler) {
    this._handlers[event] = (this._handlers[event] || []).filter(function (h) { return h !== handler; });
    return this;
  };
  PaymentElement.prototype._emit = function (event, payload) {
    (this._handlers[event] || []).forEach(function (h) { h(payload); });
  };
  PaymentElement.prototype.mount = function (target) {
    var host = typeof target === 'string' ? document.querySelector(target) : target;
    if (!host) throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page.');
    var self = this;
    var root = document.createElement('div');
    root.className = 'SimStripeElement';
    root.setAttribute('data-testid', 'payment-element');
    // Like Stripe's Payment Element, the fields shrink with the frame (a 320 px phone) and never overflow it.
    root.style.cssText = 'font-family:sans-serif;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px';
    FIELDS.forEach(function (f) {
      var label = document.createElement('label');
      label.style.cssText = 'display:flex;flex-direction:column;font-size:14px;color:#30313d' + (f.key === 'number' ? ';grid-column:1 / span 2' : '');
      label.textContent = f.label;
      var input = document.createElement('input');
      input.type = 'text';
      input.name = f.key;
      input.placeholder = f.placeholder;
      input.autocomplete = f.autocomplete;
      input.inputMode = 'numeric';
      input.setAttribute('data-testid', f.testid);
      input.style.cssText = 'padding:10px;border:1px solid #e6e6e6;border-radius:5px;font-size:16px;margin-top:4px;min-width:0;width:100%;box-sizing:border-box';
      input.addEventListener('input', function () { self._changed(); });
      input.addEventListener('focus', function () { self._emit('focus', { elementType: 'payment' }); });
      input.addEventListener('blur', function () { self._emit('blur', { elementType: 'payment' }); self._validate(false); });
      label.appendChild(input);
      root.appendChild(label);
      self._inputs[f.key] = input;
    });
    var error = document.createElement('div');
    error.setAttribute('role', 'alert');
    error.setAttribute('data-testid', 'card-error');
    error.className = 'p-FieldError';
    error.style.cssText = 'grid-column:1 / span 2;color:#df1b41;font-size:14px;min-height:1em';
    root.appendChild(error);
    this._error = error;
    host.appendChild(root);
    this._root = root;
    var offered = this._offeredTypes();
    Promise.all([controller(), offered]).then(function (results) { self._showMethods(root, results[1]); self._emit('ready', { elementType: 'payment' }); }, function (e) {
      self._showError(e.message);
      self._emit('loaderror', { elementType: 'payment', error: { type: 'invalid_request_error', message: e.message } });
    });
  };
  PaymentElement.prototype.unmount = function () { if (this._root) this._root.remove(); this._root = null; };
  PaymentElement.prototype.destroy = function () { this.unmount(); this._elements._payment = null; };
  PaymentElement.prototype.focus = function () { if (this._inputs.number) this._inputs.number.focus(); };
  PaymentElement.prototype.blur = function () {};
  PaymentElement.prototype.clear = function () { var i = this._inputs; Object.keys(i).forEach(function (k) { i[k].value = ''; }); this._changed(); };
  PaymentElement.prototype.update = function () {};
  PaymentElement.prototype.collapse = function () {};
  PaymentElement.prototype._card = function () {
    var digits = function (s) { return String(s || '').replace(/\D/g, ''); };
    var expiry = digits(this._inputs.expiry.value);
    return {
      number: digits(this._inputs.number.value),
      expMonth: expiry.slice(0, 2),
      expYear: expiry.length >= 4 ? '20' + expiry.slice(2, 4) : '',
      cvc: digits(this._inputs.cvc.value),
      postal: String(this._inputs.postal.value || '').trim(),
    };
  };
  PaymentElement.prototype._problem = function () {
    var c = this._card();
    if (c.number.length === 0) return { code: 'incomplete_number', message: 'Your card number is incomplete.', field: 'number' };
    if (c.number.length < 13) return { code: 'incomplete_number', message: 'Your card number is incomplete.', field: 'number' };
    if (!luhn(c.number)) return { code: 'invalid_number', message: 'Your card number is invalid.', field: 'number' };
    if (c.expMonth.length < 2 || c.expYear.length < 4) return { code: 'incomplete_expiry', message: 'Your card\'s expiration date is incomplete.', field: 'expiry' };
    var month = Number(c.expMonth), year = Number(c.expYear), now = new Date();
    if (month < 1 || month > 12) return { code: 'invalid_expiry_month', message: 'Your card\'s expiration date is invalid.', field: 'expiry' };
    if (year < now.getFullYear()) return { code: 'invalid_expiry_year_past', message: 'Your card\'s expiration year is in the past.', field: 'expiry' };
    if (year === now.getFullYear() && month < now.getMonth() + 1) return { code: 'invalid_expiry_month_past', message: 'Your card\'s expiration date is in the past.', field: 'expiry' };
    var cvcLength = /^3[47]/.test(c.number) ? 4 : 3;
    if (c.cvc.length < cvcLength) return { code: 'incomplete_cvc', message: 'Your card\'s security code is incomplete.', field: 'cvc' };
    if (c.postal.length < 5) return { code: 'incomplete_zip', message: 'Your ZIP is incomplete.', field: 'postal' };
    return null;
  };
  PaymentElement.prototype._changed = function () {
    var c = this._card();
    var empty = !c.number && !c.expMonth && !c.cvc && !c.postal;
    this._emit('change', { elementType: 'payment', empty: empty, complete: this._problem() === null, collapsed: false, value: { type: 'card' } });
  };
  // What the intent offers: without a type restriction, the Dashboard's methods (a bank debit besides cards).
  PaymentElement.prototype._offeredTypes = function () {
    var cs = this._elements._clientSecret;
    if (!cs) return Promise.resolve(['card']);
    var kind = String(cs).indexOf('seti_') === 0 ? 'setup_intent' : 'payment_intent';
    return this._elements._stripe._retrieve(kind, cs).then(function (r) {
      var intent = r.setupIntent || r.paymentIntent;
      return intent && intent.payment_method_types ? intent.payment_method_types : ['card'];
    });
  };
  PaymentElement.prototype._showMethods = function (root, types) {
    var self = this;
    this._method = 'card';
    if (types.length < 2) return;
    var tabs = document.createElement('div');
    tabs.setAttribute('role', 'tablist');
    tabs.style.cssText = 'grid-column:1 / span 2;display:flex;gap:8px';
    var note = document.createElement('p');
    note.setAttribute('data-testid', 'bank-account-note');
    note.textContent = 'Pay with your US bank account: you will be asked to sign in to your bank.';
    note.hidden = true;
    note.style.cssText = 'grid-column:1 / span 2;font-size:14px';
    types.forEach(function (type) {
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('data-testid', 'payment-method-' + type);
      tab.textContent = type === 'card' ? 'Card' : type === 'us_bank_account' ? 'US bank account' : type;
      tab.style.cssText = 'flex:1;padding:8px;border:1px solid #e6e6e6;border-radius:5px;background:#fff';
      tab.addEventListener('click', function () {
        self._method = type;
        Object.keys(self._inputs).forEach(function (k) { self._inputs[k].parentNode.hidden = type !== 'card'; });
        note.hidden = type === 'card';
        self._emit('change', { elementType: 'payment', empty: true, complete: false, collapsed: false, value: { type: type } });
      });
      tabs.appendChild(tab);
    });
    root.insertBefore(note, root.firstChild);
    root.insertBefore(tabs, root.firstChild);
  };
  PaymentElement.prototype._validate = function (showAll) {
    if (this._method && this._method !== 'card') {
      var unsupported = { type: 'validation_error', code: 'payment_method_unsupported_in_sandbox', message: 'Bank account payments are not simulated by the sandbox Stripe.js; they are offered because this intent accepts the Dashboard\'s payment methods.' };
      this._showError(unsupported.message);
      return unsupported;
    }
    var problem = this._problem();
    var inputs = this._inputs;
    Object.keys(inputs).forEach(function (k) { inputs[k].style.borderColor = problem && problem.field === k ? '#df1b41' : '#e6e6e6'; });
    var started = this._card().number.length > 0;
    if (problem && (showAll || started)) this._showError(problem.message); else this._showError(null);
    return problem ? { type: 'validation_error', code: problem.code, message: problem.message } : null;
  };
  PaymentElement.prototype._check = function (showAll) { return Promise.resolve(this._validate(showAll)); };
  PaymentElement.prototype._paymentMethod = function (billing) {
    var card = this._card();
    billing = billing || {};
    billing.address = billing.address || {};
    if (card.postal) billing.address.postal_code = card.postal;
    return this._elements._stripe._api('POST', '/v1/payment_methods', {
      type: 'card', card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc }, billing_details: billing,
    }).then(function (res) {
      if (res.status !== 200) throw { stripeError: res.body.error };
      return res.body;
    });
  };
  PaymentElement.prototype._showError = function (message) {
    if (this._error) this._error.textContent = message || '';
  };
  PaymentElement.prototype._setBusy = function (busy) {
    var i = this._inputs;
    Object.keys(i).forEach(function (k) { i[k].disabled = busy; });
  };

  // The merchant page's side of the Payment Element: an iframe from Stripe.js's origin, spoken to by postMessage.
  function FramedPaymentElement(elements, options) {
    this._elements = elements;
    this._options = options;
    this._handlers = {};
    this._frame = null;
    this._pending = {};
    this._next = 1;
  }
  FramedPaymentElement.prototype.on = PaymentElement.prototype.on;
  FramedPaymentElement.prototype.off = PaymentElement.prototype.off;
  FramedPaymentElement.prototype._emit = PaymentElement.prototype._emit;
  FramedPaymentElement.prototype.mount = function (target) {
    var host = typeof target === 'string' ? document.querySelector(target) : target;
    if (!host) throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page.');
    var self = this;
    var stripe = this._elements._stripe;
    var query = new URLSearchParams({ pk: stripe._key, account: stripe._account || '', cs: this._elements._clientSecret || '', origin: location.origin });
    var frame = document.createElement('iframe');
    frame.name = '__privateStripeFrame' + Math.random().toString(36).slice(2, 10);
    frame.title = 'Secure payment input frame';
    frame.setAttribute('data-testid', 'payment-element');
    frame.setAttribute('allow', 'payment *');
    frame.src = JS + '/v3/elements-inner.html?' + query.toString();
    frame.style.cssText = 'border:0;width:100%;height:230px;display:block';
    this._frame = frame;
    window.addEventListener('message', function (event) {
      var m = event.data || {};
      if (event.origin !== JS || event.source !== frame.contentWindow || m.source !== 'sim-stripe-element') return;
      if (m.type === 'size') { frame.style.height = Math.max(120, m.height + 4) + 'px'; return; }
      if (m.type === 'reply') {
        var done = self._pending[m.id];
        delete self._pending[m.id];
        if (done) { if (m.error) done.reject({ stripeError: m.error }); else done.resolve(m.value); }
        return;
      }
      if (m.type === 'ready') { controller().then(function () { self._emit('ready', m.event); }, function () {}); return; }
      self._emit(m.type, m.event);
    });
    controller().catch(function (e) { self._emit('loaderror', { elementType: 'payment', error: { type: 'invalid_request_error', message: e.message } }); });
    host.appendChild(frame);
  };
  FramedPaymentElement.prototype._ask = function (type, data) {
    var self = this;
    if (!this._frame || !this._frame.contentWindow) return Promise.reject(IntegrationError('The Payment Element is not mounted.'));
    var id = this._next++;
    return new Promise(function (resolve, reject) {
      self._pending[id] = { resolve: resolve, reject: reject };
      var message = { source: 'sim-stripe-host', type: type, id: id };
      Object.keys(data || {}).forEach(function (k) { message[k] = data[k]; });
      self._frame.contentWindow.postMessage(message, JS);
    });
  };
  FramedPaymentElement.prototype._tell = function (type, data) {
    if (!this._frame || !this._frame.contentWindow) return;
    var message = { source: 'sim-stripe-host', type: type };
    Object.keys(data || {}).forEach(function (k) { message[k] = data[k]; });
    this._frame.contentWindow.postMessage(message, JS);
  };
  FramedPaymentElement.prototype._check = function (showAll) { return this._ask('check', { showAll: showAll }); };
  FramedPaymentElement.prototype._paymentMethod = function (billing) { return this._ask('payment_method', { billing: billing || {} }); };
  FramedPaymentElement.prototype._showError = function (message) { this._tell('error', { message: message || '' }); };
  FramedPaymentElement.prototype._setBusy = function (busy) { this._tell('busy', { busy: busy }); };
  FramedPaymentElement.prototype.clear = function () { this._tell('clear'); };
  FramedPaymentElement.prototype.focus = function () { this._tell('focus'); };
  FramedPaymentElement.prototype.blur = function () {};
  FramedPaymentElement.prototype.update = function () {};
  FramedPaymentElement.prototype.collapse = function () {};
  FramedPaymentElement.prototype.unmount = function () { if (this._frame) this._frame.remove(); this._frame = null; };
  FramedPaymentElement.prototype.destroy = function () { this.unmount(); this._elements._payment = null; };
`;
