import { html } from '../html.ts';
import { page } from '../layout.ts';
import type { BackofficeState, Gateway } from '../model.ts';

function gatewayCard(g: Gateway): ReturnType<typeof html> {
  return html`<div class="gateway">
  <h3>${g.name}</h3>
  <dl class="details">
    <dt>Status</dt><dd class="${g.connected ? 'status-connected' : 'status-disconnected'}">${g.connected ? 'Connected' : 'Not Connected'}</dd>
    <dt>Account Number</dt><dd>${g.accountNumber ?? '—'}</dd>
    <dt>Default Gateway</dt><dd>${g.isDefault ? 'Yes' : 'No'}</dd>
  </dl>
  <a href="/account#${g.name.toLowerCase()}">${g.name} Settings</a>
</div>`;
}

export function accountPage(state: BackofficeState): string {
  const c = state.consultant;
  const body = html`<h1>My Account</h1>
<h2>Profile</h2>
<dl class="details" id="profile">
  <dt>Name</dt><dd>${c.name}</dd>
  <dt>Consultant ID</dt><dd>${c.consultantId}</dd>
  <dt>Email</dt><dd>${c.email}</dd>
  <dt>Phone</dt><dd>${c.phone}</dd>
  <dt>Mailing Address</dt><dd>${c.address}</dd>
  <dt>Unit</dt><dd>${c.unit}</dd>
</dl>
<h2>Subscription</h2>
<dl class="details">
  <dt>Plan</dt><dd>QT Office Manager — Annual</dd>
  <dt>Renews</dt><dd>01/15/2026</dd>
</dl>
<section id="paymentGateways">
<h2>Payment Gateways</h2>
<p class="muted">Connect a gateway to accept credit and debit cards on your invoices. Payment links in invoice emails use your default gateway.</p>
<div class="gateway-list">
${state.gateways.map(gatewayCard)}
</div>
</section>`;
  return page({ title: 'My Account', tab: 'account', consultant: c, path: '/account', body });
}
