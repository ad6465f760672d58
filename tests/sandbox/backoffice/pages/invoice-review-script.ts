// The site's own script for the Continue → review → Confirm step, as the real back office has it.
// Plain browser JS (it is served as-is), so it is kept as a string.
export const REVIEW_SCRIPT = `
(function () {
  var form = document.getElementById('invoiceForm');
  var review = document.getElementById('reviewStep');
  var list = review.querySelector('#reviewPayments tbody');
  var notices = document.getElementById('reviewNotices');
  var continueButton = document.getElementById('continueButton');
  var backButton = document.getElementById('backButton');

  function amountOf(name) {
    var input = form.elements.namedItem(name);
    var text = input ? String(input.value).replace(/[$,\\s]/g, '') : '';
    return /^\\d+(\\.\\d{0,2})?$/.test(text) && Number(text) > 0 ? text : null;
  }
  function money(text) {
    var parts = text.split('.');
    var cents = ((parts[1] || '') + '00').slice(0, 2);
    return '$' + parts[0].replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',') + '.' + cents;
  }
  function addRow(label, text) {
    var tr = document.createElement('tr');
    var a = document.createElement('td');
    var b = document.createElement('td');
    a.textContent = label;
    b.textContent = money(text);
    b.className = 'num';
    tr.appendChild(a);
    tr.appendChild(b);
    list.appendChild(tr);
  }
  function showReview() {
    list.textContent = '';
    notices.textContent = '';
    var any = false;
    var cash = amountOf('payment_cash');
    var check = amountOf('payment_check');
    var propay = amountOf('payment_propay');
    var other = amountOf('other_payment_amount');
    if (cash) { addRow('Cash', cash); any = true; }
    if (check) { addRow('Check', check); any = true; }
    if (propay) { addRow('ProPay Credit Card', propay); any = true; }
    if (other) { addRow(form.elements.namedItem('other_payment_type').value, other); any = true; }
    if (!any) {
      var none = document.createElement('tr');
      none.innerHTML = '<td colspan="2" class="muted">No payments entered. Confirm saves the invoice only.</td>';
      list.appendChild(none);
    }
    if (propay) {
      var warning = document.createElement('p');
      warning.className = 'review-warning';
      warning.textContent = "Clicking Confirm will charge the customer's Credit/Debit card through ProPay";
      notices.appendChild(warning);
    }
    review.hidden = false;
    continueButton.hidden = true;
  }
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
})();
`;
