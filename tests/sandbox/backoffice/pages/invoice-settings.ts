import { html } from '../html.ts';
import { page } from '../layout.ts';
import { PAYMENT_LINK_PLACEHOLDER, type BackofficeState } from '../model.ts';

export function invoiceSettingsPage(state: BackofficeState, saved: boolean): string {
  const t = state.emailTemplate;
  const rate = `${Math.floor(state.taxRateBp / 100)}.${String(state.taxRateBp % 100).padStart(2, '0')}`;
  const body = html`<h1>Invoice Settings</h1>
${saved ? html`<div class="notice success" role="status">Invoice settings saved.</div>` : ''}
<form method="post" action="/settings/invoices" id="invoiceSettings">
<fieldset>
<legend>Sales Tax</legend>
<div class="field-row"><label for="tax_rate">Default tax rate (%)</label><input type="text" id="tax_rate" name="tax_rate" value="${rate}" size="6" readonly></div>
</fieldset>
<fieldset>
<legend>Invoice Email Template</legend>
<p class="muted">Placeholders: [CustomerFirstName], [InvoiceNumber], [InvoiceTotal], [BalanceDue], [ConsultantName], and <strong>${PAYMENT_LINK_PLACEHOLDER}</strong> — the payment link of your default payment gateway.</p>
<div class="field-row"><label for="email_subject">Subject</label><input type="text" id="email_subject" name="email_subject" value="${t.subject}" size="60"></div>
<div class="field-row" style="align-items:flex-start"><label for="email_body">Message</label><textarea id="email_body" name="email_body" rows="12" cols="70">${t.body}</textarea></div>
</fieldset>
<div class="actions"><button type="submit" class="btn">Save Settings</button></div>
</form>`;
  return page({
    title: 'Invoice Settings',
    tab: 'invoices',
    consultant: state.consultant,
    path: '/settings/invoices',
    body,
  });
}
