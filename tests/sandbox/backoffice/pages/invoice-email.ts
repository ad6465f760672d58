import { dollars, html } from '../html.ts';
import { page } from '../layout.ts';
import {
  balanceDueCents,
  customerName,
  PAYMENT_LINK_PLACEHOLDER,
  totalCents,
  type BackofficeState,
  type Invoice,
} from '../model.ts';

/** Where the default gateway (ProPay) takes the customer; a stand-in page on this site. */
function gatewayPaymentLink(origin: string, invoice: Invoice): string {
  return `${origin}/propay/pay?invoice=${encodeURIComponent(invoice.number)}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (whole, key: string) => values[key] ?? whole);
}

export function invoiceEmailPage(state: BackofficeState, invoice: Invoice, origin: string): string {
  const customer = state.customers.find((c) => c.id === invoice.customerId);
  const link = gatewayPaymentLink(origin, invoice);
  const values: Record<string, string> = {
    InvoiceNumber: invoice.number,
    CustomerFirstName: customer?.firstName ?? 'there',
    InvoiceTotal: dollars(totalCents(invoice)),
    BalanceDue: dollars(balanceDueCents(invoice)),
    ConsultantName: state.consultant.name,
  };
  const subject = fill(state.emailTemplate.subject, values);
  // The link is rendered as an anchor inside the text, so the template is split around it.
  const bodyParts = fill(state.emailTemplate.body, values).split(PAYMENT_LINK_PLACEHOLDER);
  const bodyHtml = bodyParts.map(
    (part, i) =>
      html`${part}${i < bodyParts.length - 1 ? html`<a class="payment-link" href="${link}">${link}</a>` : ''}`,
  );
  const body = html`<h1>Email Invoice #<span id="invoiceNumber">${invoice.number}</span></h1>
${customer?.email ? '' : html`<div class="notice error" role="alert">This customer has no email address on file. Add one on the Customers tab to email this invoice.</div>`}
<dl class="details" id="emailHeaders">
  <dt>To</dt><dd id="emailTo">${customer ? `${customerName(customer)} <${customer.email ?? 'no email on file'}>` : ''}</dd>
  <dt>Subject</dt><dd id="emailSubject">${subject}</dd>
  <dt>Payment Link</dt><dd><a id="paymentLink" href="${link}">${link}</a></dd>
</dl>
<div class="email-preview" id="emailBody">${bodyHtml}</div>
<form method="post" action="/invoices/${invoice.number}/email" class="actions">
  <button type="submit" class="btn" ${customer?.email ? '' : html`disabled`}>Send Email</button>
  <a class="btn secondary" href="/invoices/${invoice.number}">Back to Invoice</a>
</form>`;
  return page({
    title: `Email Invoice #${invoice.number}`,
    tab: 'invoices',
    consultant: state.consultant,
    path: '',
    body,
  });
}
