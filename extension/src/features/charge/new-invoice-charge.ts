import type { PaymentSummary, SiteInvoice } from '../../../../shared/api';
import type { ReplyTo } from '../../background/messages';
import { cardName, stripeNote } from '../../components/stripe-note';
import { i18n } from '../../i18n';
import { formSubmission, otherPaymentSubmission } from '../../site/forms';
import { findInvoiceParts, readInvoice, readSiteRefusal, type InvoiceOnPage } from '../../site/invoice';
import { formatSiteMoney } from '../../site/money';
import { isInvoicePage, isNewInvoicePage } from '../../site/pages';
import { toSiteInvoice } from '../../site/site-invoice';
import { postSiteForm, type SiteIo } from '../../utils/site-fetch';
import { failureText, type Flight } from './charge-store';

// Confirm on a NEW invoice with a Stripe amount. The order is what keeps the money right:
//   1. save the invoice through the site's own form, as the browser would post it (refused → stop:
//      nothing is charged for an invoice that does not exist);
//   2. charge the card, keyed by the invoice number the site saved it under (a retry reuses the
//      same attempt, so it never charges twice);
//   3. record the payment in the saved invoice's Other Payment row, through the site's form again;
//   4. land on the saved invoice.
// If 3 fails, or the page goes away after 2, the charge is still Stripe's and the worker's: opening
// the invoice finds it and records it (charge-history). Nothing is ever charged before the save.

export type NewInvoiceOutcome =
  | { kind: 'refused'; message: string }
  /** The invoice is saved; go to `url`, where `note` (if any) says how the charge went. */
  | { kind: 'saved'; url: string; invoiceNumber: string; note: string | null };

export interface NewInvoiceDeps {
  io: SiteIo;
  pageUrl: string;
  charge: (invoice: SiteInvoice) => Promise<ReplyTo<'charges:create'>>;
  onStep: (flight: Flight) => void;
}

type Saved = { ok: true; doc: Document; url: string; invoice: InvoiceOnPage } | { ok: false; message: string };

async function saveOnSite(io: SiteIo, form: HTMLFormElement, pageUrl: string, number: string): Promise<Saved> {
  const submission = formSubmission(form, pageUrl);
  let response: Response;
  let doc: Document;
  try {
    response = await io.fetch(submission.url, { method: 'POST', body: submission.body, credentials: 'same-origin' });
    doc = io.parse(await response.text());
  } catch {
    return { ok: false, message: i18n.t('charge.siteNotReached') };
  }
  // Saved means: the site answered with the invoice itself, under the number this form showed.
  const landed = URL.canParse(response.url) ? new URL(response.url) : null;
  const invoice = response.ok ? readInvoice(doc) : null;
  if (landed && isInvoicePage(landed) && !isNewInvoicePage(landed) && invoice?.number === number)
    return { ok: true, doc, url: landed.href, invoice };
  const refusal = readSiteRefusal(doc) ?? i18n.t('charge.siteDidNotSave');
  return { ok: false, message: i18n.t('charge.nothingCharged', [refusal]) };
}

/** "Charged $56.29 to Visa •••• 4242. Recording the payment on the invoice…" */
function chargedRecordingText(payment: PaymentSummary): string {
  const amount = formatSiteMoney(payment.amountMinor);
  return payment.card
    ? i18n.t('charge.chargedToCardRecording', [amount, cardName(payment.card)])
    : i18n.t('charge.chargedRecording', [amount]);
}

async function record(deps: NewInvoiceDeps, saved: Extract<Saved, { ok: true }>, payment: PaymentSummary) {
  const submission = otherPaymentSubmission(
    saved.doc,
    { amountCents: payment.amountMinor, note: stripeNote(payment) },
    saved.url,
  );
  return submission !== null && (await postSiteForm(deps.io, submission));
}

export async function saveThenCharge(
  doc: Document,
  amountMinor: number,
  deps: NewInvoiceDeps,
): Promise<NewInvoiceOutcome> {
  const parts = findInvoiceParts(doc);
  const form = parts.form;
  const number = parts.number?.value.trim() ?? '';
  if (!form || !number) return { kind: 'refused', message: i18n.t('charge.cannotSave') };
  deps.onStep({ kind: 'saving' });
  const saved = await saveOnSite(deps.io, form, deps.pageUrl, number);
  if (!saved.ok) return { kind: 'refused', message: saved.message };
  const done = (note: string | null): NewInvoiceOutcome => ({
    kind: 'saved',
    url: saved.url,
    invoiceNumber: number,
    note,
  });

  deps.onStep({ kind: 'charging' });
  const reply = await deps.charge(toSiteInvoice(saved.invoice));
  if (!reply.ok) return done(i18n.t('charge.savedNotCharged', [failureText(reply)]));
  if (reply.outcome === 'requires_action') return done(i18n.t('charge.savedAuthenticate'));
  if (reply.outcome === 'pending' || reply.outcome === 'unknown')
    return done(i18n.t('charge.savedThen', [reply.message]));
  if (reply.outcome !== 'succeeded') return done(i18n.t('charge.savedNotCharged', [reply.message]));

  deps.onStep({ kind: 'recording', message: chargedRecordingText(reply.record) });
  // Not recorded now → recorded when the saved invoice opens (charge-history), from the worker's record.
  await record(deps, saved, reply.record);
  return done(null);
}
