import { html, raw, type SafeHtml } from './html.ts';
import type { Consultant } from './model.ts';
import { SITE_CSS } from './styles.ts';

type Tab = 'dashboard' | 'customers' | 'invoices' | 'account';

const TABS: ReadonlyArray<{ tab: Tab; label: string; href: string }> = [
  { tab: 'dashboard', label: 'Dashboard', href: '/' },
  { tab: 'customers', label: 'Customers', href: '/customers' },
  { tab: 'invoices', label: 'Invoices', href: '/invoices/unpaid' },
  { tab: 'account', label: 'Account', href: '/account' },
];

const INVOICE_LINKS: ReadonlyArray<{ href: string; label: string }> = [
  { href: '/invoices/new', label: 'New Invoice' },
  { href: '/invoices/unpaid', label: 'Unpaid Invoices' },
  { href: '/invoices/paid', label: 'Paid Invoices' },
  { href: '/settings/invoices', label: 'Invoice Settings' },
];

export interface PageOptions {
  title: string;
  tab: Tab;
  consultant: Consultant;
  /** Path of the current page, to highlight the Invoices sub-navigation. */
  path: string;
  body: SafeHtml;
  /** Site script for pages that need one; trusted, never built from user input. */
  script?: string;
}

export function page(options: PageOptions): string {
  const subNav =
    options.tab === 'invoices'
      ? html`<div id="subNav">${INVOICE_LINKS.map((l) => html`<a href="${l.href}" class="${l.href === options.path ? 'current' : ''}">${l.label}</a>`)}</div>`
      : '';
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} | QT Office Manager</title>
<style>${raw(SITE_CSS)}</style>
</head>
<body>
<header id="siteHeader">
  <div class="brand">QT Office Manager<small>myCustomers &amp; Invoicing</small></div>
  <div class="user">Welcome, <strong id="consultantName">${options.consultant.name}</strong><br><span class="muted" style="color:#fde">Consultant #${options.consultant.consultantId}</span> · <a href="/account">My Account</a></div>
</header>
<nav id="mainNav"><ul>${TABS.map((t) => html`<li class="${t.tab === options.tab ? 'active' : ''}"><a href="${t.href}">${t.label}</a></li>`)}</ul></nav>
${subNav}
<main id="content">
${options.body}
</main>
<footer id="siteFooter">QT Office Manager · For use by Independent Beauty Consultants only</footer>
${options.script ? html`<script>${raw(options.script)}</script>` : ''}
</body>
</html>
`.value;
}
