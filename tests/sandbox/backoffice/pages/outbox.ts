import { html } from '../html.ts';
import { page } from '../layout.ts';
import type { BackofficeState, SentEmail } from '../model.ts';

// The site's sent mail: what each Send Email actually sent, so a test can read the email the
// customer receives rather than the page the consultant saw.

export function outboxPage(state: BackofficeState): string {
  const sent = [...(state.outbox ?? [])].reverse();
  const rows = sent.map(
    (e) =>
      html`<tr><td>${e.sentAt.slice(0, 16).replace('T', ' ')}</td><td>${e.invoiceNumber}</td><td>${e.to}</td><td><a href="/outbox/${e.id}">${e.subject}</a></td></tr>`,
  );
  const body = html`<h1>Sent Emails</h1>
<table class="grid" id="outbox"><thead><tr><th>Sent</th><th>Invoice #</th><th>To</th><th>Subject</th></tr></thead>
<tbody>${sent.length > 0 ? rows : html`<tr><td colspan="4" class="muted">No emails sent yet.</td></tr>`}</tbody></table>`;
  return page({ title: 'Sent Emails', tab: 'invoices', consultant: state.consultant, path: '/outbox', body });
}

export function sentEmailPage(state: BackofficeState, email: SentEmail): string {
  const body = html`<h1>Sent Email</h1>
<dl class="details" id="sentHeaders">
  <dt>To</dt><dd id="sentTo">${email.to}</dd>
  <dt>Subject</dt><dd id="sentSubject">${email.subject}</dd>
  <dt>Invoice</dt><dd><a href="/invoices/${email.invoiceNumber}">#${email.invoiceNumber}</a></dd>
</dl>
<pre id="sentBody" style="white-space:pre-wrap">${email.body}</pre>
<div class="actions"><a class="btn secondary" href="/outbox">All Sent Emails</a></div>`;
  return page({ title: 'Sent Email', tab: 'invoices', consultant: state.consultant, path: '/outbox', body });
}
