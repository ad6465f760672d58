import type { InvoiceStripeStatus } from '../../../../shared/api';
import { RefundControl, type RefundAction } from './refund-control';
import { REFUND_CSS } from './refund-styles';
import { reflectRefundsOnSite } from './refund-sync';
import { mountShadow } from '../../components/shadow-mount';
import { i18n } from '../../i18n';
import { readInvoiceRows, type InvoiceRow } from '../../site/lists';
import { isInvoiceListPage, isPaidListPage, paidListPageUrls, unpaidListPageUrls } from '../../site/pages';
import { askBackground } from '../../utils/ask-background';
import { pageIo } from '../../utils/site-fetch';
import { invoiceListColumns } from '../../site/shape';
import { defineFeature } from '../registry';

/**
 * Markers on the Paid and Unpaid lists, from one background request for every row: a green arrow
 * wherever a Stripe payment has anything left to refund (a partly refunded invoice sits on the
 * Unpaid list), a red disc where some was refunded. A refund is then shown on the invoice the
 * site's way (refund-sync.ts) and the row says so; the list is not reloaded under the consultant.
 */
export default defineFeature({
  id: 'refund-arrows',
  appliesTo: isInvoiceListPage,
  testUrls: [...paidListPageUrls, ...unpaidListPageUrls],
  needs: [invoiceListColumns],
  async init(signal, { ctx, document, url }) {
    const rows = readInvoiceRows(document);
    const win = document.defaultView;
    if (rows.length === 0 || !win) return;
    const reply = await askBackground({ type: 'refunds:status', numbers: rows.map((r) => r.number) });
    if (signal.aborted || !reply.ok) return;
    const byNumber = new Map(reply.invoices.map((s) => [s.number, s]));
    const paidList = isPaidListPage(url);
    const io = pageIo(win);
    const invoiceUrl = (row: InvoiceRow) => (row.invoiceHref ? new URL(row.invoiceHref, url).href : null);

    const refundOf =
      (row: InvoiceRow): RefundAction =>
      async (amountMinor, reason) => {
        const result = await askBackground({
          type: 'refunds:create',
          invoiceNumber: row.number,
          kind: row.kind,
          amountMinor,
          ...(reason ? { reason } : {}),
        });
        if (!result.ok) return { problem: result.error.message };
        const status = result.record?.status ?? null;
        if (result.outcome === 'failed' || result.outcome === 'unknown') return { status, problem: result.message };
        if (result.outcome === 'pending') return { status, note: result.message };
        const address = invoiceUrl(row);
        const synced = address
          ? await reflectRefundsOnSite(io, address)
          : { problem: i18n.t('refund.invoiceNotFound') };
        return 'problem' in synced ? { status, refunded: true, problem: synced.problem } : { status, refunded: true };
      };

    for (const row of rows) {
      const status: InvoiceStripeStatus | undefined = byNumber.get(row.number);
      const shows = row.kind === 'return_exchange' ? paidList : status !== undefined && status.state !== 'none';
      if (!shows) continue;
      const ui = mountShadow(
        ctx,
        row.actionsCell,
        'stripe-refund-arrows',
        'last',
        REFUND_CSS,
        <RefundControl
          invoiceNumber={row.number}
          kind={row.kind}
          status={status}
          site={{ paidMinor: row.paidCents, balanceMinor: row.balanceCents }}
          refund={refundOf(row)}
        />,
      );
      signal.addEventListener('abort', ui.remove, { once: true });
    }

    // A refund whose invoice was not updated (the tab closed in between) still counts the refunded
    // money as paid. Once updated, the balance due holds at least what was refunded, so only rows
    // short of that are fetched; they are caught up, and the list reloaded to show them.
    let changed = false;
    for (const row of rows) {
      const status = byNumber.get(row.number);
      const address = invoiceUrl(row);
      if (!address || !status || status.refundedMinor === 0 || row.balanceCents >= status.refundedMinor) continue;
      const synced = await reflectRefundsOnSite(io, address);
      if (signal.aborted) return;
      changed ||= 'changed' in synced && synced.changed;
    }
    if (changed) win.location.reload();
  },
});
