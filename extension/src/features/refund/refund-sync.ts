import { formatMinor } from '../../../../shared/money';
import { otherPaymentSubmission, reverseSubmissionsFor } from '../../site/forms';
import { readInvoice } from '../../site/invoice';
import { askBackground } from '../../utils/ask-background';
import { fetchSitePage, postSiteForm, type SiteIo } from '../../utils/site-fetch';
import { stripeNote } from '../../components/stripe-note';
import { i18n } from '../../i18n';

// After a refund, the invoice must show it the site's own way: the site can only reverse a whole
// payment, so the recorded Stripe payment is reversed and, for a partial refund, what the card still
// paid is recorded again. The invoice then has a balance due and moves to the Unpaid list.
// Comparing what the site counts with what Stripe kept makes this safe to run again at any time.

export type SyncOutcome = { changed: boolean } | { problem: string };

const cannotUpdate = () => i18n.t('refund.cannotUpdate');

export async function reflectRefundsOnSite(io: SiteIo, invoiceUrl: string): Promise<SyncOutcome> {
  const first = await fetchSitePage(io, invoiceUrl);
  const invoice = first && readInvoice(first);
  if (!invoice) return { problem: cannotUpdate() };
  const reply = await askBackground({
    type: 'charges:list',
    invoiceNumber: invoice.number,
    customerId: invoice.customer.id,
  });
  if (!reply.ok) return { problem: 'error' in reply ? reply.error.message : reply.message };
  let page: Document | null = first;
  let changed = false;
  for (const payment of reply.payments) {
    const reference = payment.paymentIntentId;
    if (payment.status !== 'succeeded' || !reference || payment.refundedMinor === 0) continue;
    if (changed) page = await fetchSitePage(io, invoiceUrl);
    if (!page) return { problem: cannotUpdate() };
    const records = reverseSubmissionsFor(page, reference, invoiceUrl);
    // The site counts this payment: the worker learns so before any record of it is reversed, or the
    // invoice page would take the reversed records for a payment never recorded and record it again.
    if (records.length > 0 && !payment.recordedOnSite) {
      const told = await askBackground({ type: 'charges:recorded', paymentId: payment.id });
      if (!told.ok) return { problem: cannotUpdate() };
    }
    const keptMinor = payment.amountMinor - payment.refundedMinor;
    if (records.reduce((sum, r) => sum + r.amountCents, 0) <= keptMinor) continue;
    for (const { submission } of records) {
      if (!submission || !(await postSiteForm(io, submission))) return { problem: cannotUpdate() };
    }
    changed = true;
    if (keptMinor <= 0) continue;
    const reversed = await fetchSitePage(io, invoiceUrl);
    const note = i18n.t('refund.siteNote', [stripeNote(payment), formatMinor(payment.refundedMinor, payment.currency)]);
    const record = reversed && otherPaymentSubmission(reversed, { amountCents: keptMinor, note }, invoiceUrl);
    if (!record || !(await postSiteForm(io, record))) {
      return {
        problem: i18n.t('refund.notRecorded', [formatMinor(keptMinor, payment.currency), note]),
      };
    }
  }
  return { changed };
}
