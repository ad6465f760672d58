import { dollars, html, usDate } from '../html.ts';
import { page } from '../layout.ts';
import {
  balanceDueCents,
  customerName,
  isPaidInFull,
  totalCents,
  type BackofficeState,
  type Invoice,
} from '../model.ts';

export function dashboardPage(state: BackofficeState): string {
  const unpaid = state.invoices.filter((inv) => !isPaidInFull(inv));
  const outstanding = unpaid.reduce((sum, inv) => sum + balanceDueCents(inv), 0);
  const recent = [...state.invoices].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 5);
  const body = html`<h1>Dashboard</h1>
<div class="cards">
  <div class="card"><div class="muted">Customers</div><div class="big">${state.customers.length}</div></div>
  <div class="card"><div class="muted">Unpaid invoices</div><div class="big">${unpaid.length}</div></div>
  <div class="card"><div class="muted">Outstanding</div><div class="big">${dollars(outstanding)}</div></div>
</div>
<h2>Recent Invoices</h2>
<table class="grid"><thead><tr><th>Invoice #</th><th>Date</th><th>Customer</th><th class="num">Total</th></tr></thead>
<tbody>${recent.map((inv) => {
    const c = state.customers.find((x) => x.id === inv.customerId);
    return html`<tr><td><a href="/invoices/${inv.number}">${inv.number}</a></td><td>${usDate(inv.date)}</td><td>${c ? customerName(c) : ''}</td><td class="num">${dollars(totalCents(inv))}</td></tr>`;
  })}</tbody></table>`;
  return page({ title: 'Dashboard', tab: 'dashboard', consultant: state.consultant, path: '/', body });
}

export function customersPage(state: BackofficeState): string {
  const body = html`<h1>Customers</h1>
<table class="grid" id="customerList"><thead><tr><th>Customer #</th><th>Name</th><th>Email</th><th>Phone</th><th>City</th><th>Actions</th></tr></thead>
<tbody>${state.customers.map(
    (c) =>
      html`<tr><td>${c.id}</td><td>${customerName(c)}</td><td>${c.email ?? html`<span class="muted">none</span>`}</td><td>${c.phone}</td><td>${c.city}</td><td><a href="/invoices/new?customer=${c.id}">New Invoice</a></td></tr>`,
  )}</tbody></table>`;
  return page({ title: 'Customers', tab: 'customers', consultant: state.consultant, path: '/customers', body });
}

/** The stand-in for ProPay's hosted payment page that the default payment link points at. */
export function propayPayPage(state: BackofficeState, invoice: Invoice | undefined): string {
  const body = invoice
    ? html`<h1>ProPay Secure Payment</h1><p>Invoice #${invoice.number} from ${state.consultant.name}: <strong>${dollars(balanceDueCents(invoice))}</strong> due.</p><p class="muted">(Stand-in for ProPay's hosted payment page; no card is taken here.)</p>`
    : html`<h1>ProPay Secure Payment</h1><p>This payment link is not valid.</p>`;
  return page({ title: 'ProPay Payment', tab: 'invoices', consultant: state.consultant, path: '', body });
}

export function notFoundPage(state: BackofficeState, what: string): string {
  const body = html`<h1>Not Found</h1><p>${what}</p><p><a href="/">Back to the Dashboard</a></p>`;
  return page({ title: 'Not Found', tab: 'dashboard', consultant: state.consultant, path: '', body });
}
