import { dollars, html } from '../html.ts';
import { page } from '../layout.ts';
import {
  balanceDueCents,
  customerName,
  isPaidInFull,
  kindLabel,
  paidCents,
  totalCents,
  type BackofficeState,
  type Invoice,
} from '../model.ts';
import { usDate } from '../html.ts';

export type ListKind = 'paid' | 'unpaid';

function row(state: BackofficeState, inv: Invoice): ReturnType<typeof html> {
  const customer = state.customers.find((c) => c.id === inv.customerId);
  return html`<tr data-testid="invoice-row-${inv.number}">
  <td><a href="/invoices/${inv.number}">${inv.number}</a></td>
  <td>${usDate(inv.date)}</td>
  <td>${customer ? customerName(customer) : 'Unknown customer'}</td>
  <td>${kindLabel(inv.kind)}</td>
  <td class="num">${dollars(totalCents(inv))}</td>
  <td class="num">${dollars(paidCents(inv))}</td>
  <td class="num">${dollars(balanceDueCents(inv))}</td>
  <td class="actions-cell"><a href="/invoices/${inv.number}" title="Edit invoice">Edit</a> | <a href="/invoices/${inv.number}/email" title="Email invoice">Email</a></td>
</tr>`;
}

export function invoiceListPage(state: BackofficeState, list: ListKind): string {
  const invoices = state.invoices
    .filter((inv) => (list === 'paid' ? isPaidInFull(inv) : !isPaidInFull(inv)))
    .sort((a, b) => (a.date === b.date ? b.number.localeCompare(a.number) : b.date.localeCompare(a.date)));
  const title = list === 'paid' ? 'Paid Invoices' : 'Unpaid Invoices';
  const outstanding = invoices.reduce((sum, inv) => sum + balanceDueCents(inv), 0);
  const body = html`<h1>${title}</h1>
<p class="muted">${invoices.length} invoice${invoices.length === 1 ? '' : 's'}${list === 'unpaid' ? html` · ${dollars(outstanding)} outstanding` : ''}</p>
<table class="grid invoice-list" id="${list === 'paid' ? 'paidInvoices' : 'unpaidInvoices'}">
<thead><tr><th>Invoice #</th><th>Date</th><th>Customer</th><th>Type</th><th class="num">Total</th><th class="num">Paid</th><th class="num">Balance</th><th>Actions</th></tr></thead>
<tbody>${invoices.length > 0 ? invoices.map((inv) => row(state, inv)) : html`<tr><td colspan="8" class="muted">No ${title.toLowerCase()}.</td></tr>`}</tbody>
</table>`;
  return page({ title, tab: 'invoices', consultant: state.consultant, path: `/invoices/${list}`, body });
}
