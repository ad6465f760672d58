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

/**
 * The compose form the site opens from an invoice: To, Subject and the message, filled from the
 * Invoice Settings template with the default gateway's payment link. Send Email posts the form and
 * the site sends what was posted, edits included.
 */
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
  const message = fill(state.emailTemplate.body, values).split(PAYMENT_LINK_PLACEHOLDER).join(link);
  const to = customer?.email ? `${customerName(customer)} <${customer.email}>` : '';
  const body = html`<h1>Email Invoice #<span id="invoiceNumber">${invoice.number}</span></h1>
${customer?.email ? '' : html`<div class="notice error" role="alert">This customer has no email address on file. Add one on the Customers tab to email this invoice.</div>`}
<form method="post" action="/invoices/${invoice.number}/email" id="emailForm">
<dl class="details" id="emailHeaders">
  <dt>Payment Link</dt><dd><a id="paymentLink" href="${link}">${link}</a></dd>
</dl>
<div class="field-row"><label for="emailTo">To</label><input type="text" id="emailTo" name="to" value="${to}" size="60"></div>
<div class="field-row"><label for="emailSubject">Subject</label><input type="text" id="emailSubject" name="subject" value="${subject}" size="60"></div>
<div class="field-row" style="align-items:flex-start"><label for="emailBody">Message</label><textarea id="emailBody" name="body" rows="14" cols="70">${message}</textarea></div>
<div class="actions">
  <button type="submit" class="btn" id="sendEmail" ${customer?.email ? '' : html`disabled`}>Send Email</button>
  <a class="btn secondary" href="/invoices/${invoice.number}">Back to Invoice</a>
</div>
</form>`;
  return page({
    title: `Email Invoice #${invoice.number}`,
    tab: 'invoices',
    consultant: state.consultant,
    path: '',
    body,
  });
}
