// The site's own script for the invoice form, as the real back office has it: it totals the lines,
// the sales tax, the payments entered and the balance as the consultant types, and runs the
// Continue → review → Confirm step. Plain browser JS (it is served as-is), so it is kept as a string.
// Money is whole cents throughout, as the server counts it, so the page and the saved invoice agree.
export const REVIEW_SCRIPT = `
(function () {
  var form = document.getElementById('invoiceForm');
  var totals = document.getElementById('invoiceTotals');
  var review = document.getElementById('reviewStep');
  var list = review.querySelector('#reviewPayments tbody');
  var notices = document.getElementById('reviewNotices');
  var continueButton = document.getElementById('continueButton');
  var backButton = document.getElementById('backButton');
  var taxRateBp = Number(totals.getAttribute('data-tax-rate-bp')) || 0;
  var recordedPaid = Number(totals.getAttribute('data-recorded-paid')) || 0;

  /** "1,234.5" → 123450; blank or not money → null. */
  function centsOf(value) {
    var text = String(value || '').replace(/[$,\\s]/g, '');
    var m = /^(\\d{1,7})(?:\\.(\\d{0,2}))?$/.exec(text);
    if (!m) return null;
    return Number(m[1]) * 100 + Number(((m[2] || '') + '00').slice(0, 2));
  }
  function amountOf(name) {
    var input = form.elements.namedItem(name);
    var cents = input ? centsOf(input.value) : null;
    return cents !== null && cents > 0 ? cents : null;
  }
  function money(cents) {
    var sign = cents < 0 ? '-' : '';
    var abs = Math.abs(cents);
    var whole = String(Math.floor(abs / 100)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
    return sign + '$' + whole + '.' + String(abs % 100).padStart(2, '0');
  }
  function setText(id, text) {
    var cell = document.getElementById(id);
    if (cell && cell.textContent !== text) cell.textContent = text;
  }
  function enteredPayments() {
    var payments = [];
    var cash = amountOf('payment_cash');
    var check = amountOf('payment_check');
    var propay = amountOf('payment_propay');
    var other = amountOf('other_payment_amount');
    var checkNumber = form.elements.namedItem('check_number');
    if (cash) payments.push({ label: 'Cash', cents: cash });
    if (check) payments.push({ label: checkNumber && checkNumber.value.trim() ? 'Check #' + checkNumber.value.trim() : 'Check', cents: check });
    if (propay) payments.push({ label: 'ProPay Credit Card', cents: propay });
    if (other) payments.push({ label: form.elements.namedItem('other_payment_type').value, cents: other });
    return payments;
  }
  function recalculate() {
    var subtotal = 0;
    var rows = document.querySelectorAll('#invoiceLines tbody tr');
    for (var i = 0; i < rows.length; i += 1) {
      var qtyInput = rows[i].querySelector('input[name="line_qty"]');
      var priceInput = rows[i].querySelector('input[name="line_price"]');
      var qty = qtyInput && /^\\s*\\d{1,4}\\s*$/.test(qtyInput.value) ? Number(qtyInput.value) : 0;
      var price = priceInput ? centsOf(priceInput.value) : null;
      var amountCell = rows[i].lastElementChild;
      var line = qty > 0 && price !== null ? qty * price : null;
      if (line !== null) subtotal += line;
      var text = line === null ? '' : money(line);
      if (amountCell && amountCell.textContent !== text) amountCell.textContent = text;
    }
    var tax = Math.floor((subtotal * taxRateBp + 5000) / 10000);
    var total = subtotal + tax;
    var paid = enteredPayments().reduce(function (sum, p) { return sum + p.cents; }, recordedPaid);
    setText('subtotal', money(subtotal));
    setText('salesTax', money(tax));
    setText('invoiceTotal', money(total));
    setText('amountPaid', money(paid));
    setText('balanceDue', money(total - paid));
  }
  function addRow(label, cents) {
    var tr = document.createElement('tr');
    var a = document.createElement('td');
    var b = document.createElement('td');
    a.textContent = label;
    b.textContent = money(cents);
    b.className = 'num';
    tr.appendChild(a);
    tr.appendChild(b);
    list.appendChild(tr);
  }
  function showReview() {
    recalculate();
    list.textContent = '';
    notices.textContent = '';
    var payments = enteredPayments();
    payments.forEach(function (p) { addRow(p.label, p.cents); });
    if (payments.length === 0) {
      var none = document.createElement('tr');
      none.innerHTML = '<td colspan="2" class="muted">No payments entered. Confirm saves the invoice only.</td>';
      list.appendChild(none);
    }
    if (amountOf('payment_propay')) {
      var warning = document.createElement('p');
      warning.className = 'review-warning';
      warning.textContent = "Clicking Confirm will charge the customer's Credit/Debit card through ProPay";
      notices.appendChild(warning);
    }
    review.hidden = false;
    continueButton.hidden = true;
  }
  form.addEventListener('input', recalculate);
  form.addEventListener('change', recalculate);
  continueButton.addEventListener('click', showReview);
  backButton.addEventListener('click', function () {
    review.hidden = true;
    continueButton.hidden = false;
  });
  // Pressing Enter in a field must not skip the review step.
  form.addEventListener('submit', function (event) {
    if (review.hidden) {
      event.preventDefault();
      showReview();
    }
  });
  recalculate();
})();
`;
