import type { Context } from 'hono';
import { Hono } from '../hono';
import type Stripe from 'stripe';
import { formatMinor } from '../../../shared/money';
import { selectAccount } from '../db/queries/accounts';
import { selectInvoice } from '../db/queries/invoices';
import { findLiveLink, keepLinkIntent, type LinkRow } from '../db/queries/links';
import { IN_FLIGHT, selectInvoicePayments, type PaymentRow } from '../db/queries/payments';
import type { AppEnv } from '../env';
import { html, page, type SafeHtml } from '../pages/html';
import { elementResponse, notFoundPage } from '../pages/element-page';
import { businessLine, invoiceSummary, receiptPage } from '../pages/pay-pages';
import type { Db } from '../env';
import { minimumChargeMinor } from '../stripe/minimums';
import { rateLimit } from '../rate-limit';

const NOT_FOUND = 'This payment link is unknown or has expired. Ask your consultant for a new one.';
const OPEN_OR_PAID = new Set(['succeeded', 'pending', 'unknown', 'requires_action']);

/** The connected account's business name, for the customer to see who they pay. */
async function businessName(db: Db, accountId: string): Promise<string | null> {
  const [account] = await selectAccount(db, accountId);
  return account?.businessName ?? null;
}

type PaidIntent = Stripe.PaymentIntent & { status: 'succeeded' | 'processing' };
function isPaid(intent: Stripe.PaymentIntent): intent is PaidIntent {
  return intent.status === 'succeeded' || intent.status === 'processing';
}

function isCardChargeInFlight(p: PaymentRow) {
  return p.source === 'stored_card' && IN_FLIGHT.has(p.status);
}

function cardInFlightPage(business: string | null, number: string) {
  return page(
    'Payment in progress',
    html`${businessLine(business)}<h1 data-testid="pay-card-in-flight">Invoice ${number}</h1><p>A card payment for this invoice is being processed right now, so this link cannot take a payment. Please check back in a few minutes or contact your consultant.</p>`,
  );
}

function renderElement(
  c: Context<AppEnv>,
  link: LinkRow,
  intent: Stripe.PaymentIntent,
  page: { business: string | null; intro: string; summary: SafeHtml | null },
) {
  const amount = formatMinor(intent.amount, intent.currency);
  return elementResponse(c, {
    mode: 'payment',
    business: page.business,
    title: `Pay ${amount}`,
    intro: page.intro,
    summary: page.summary,
    consent: null,
    afterSuccess: 'reload',
    submitLabel: `Pay ${amount}`,
    doneMessage: 'Thank you — your payment was accepted. You can close this page.',
    stripeAccount: link.accountId,
    clientSecret: intent.client_secret ?? '',
    completeUrl: null,
  });
}

/** The invoice's payment link: re-checks what is still due, then one PaymentIntent the page keeps reusing. */
async function payLinkPage(c: Context<AppEnv>, link: LinkRow) {
  if (!link.invoiceId) return c.html(notFoundPage(NOT_FOUND), 404);
  const db = c.var.db;
  const [paymentRows, [invoice], [account]] = await db.batch([
    selectInvoicePayments(db, link.accountId, link.invoiceId),
    selectInvoice(db, link.accountId, link.invoiceId),
    selectAccount(db, link.accountId),
  ]);
  if (!invoice) return c.html(notFoundPage(NOT_FOUND), 404);
  const business = account?.businessName ?? null;
  const details = link.details;
  const invoiceDetails = details?.date ? { date: details.date, lines: details.lines } : null;
  if (paymentRows.some(isCardChargeInFlight)) return c.html(cardInFlightPage(business, invoice.number));
  const stripe = await c.var.stripe();
  const opts = { stripeAccount: link.accountId };
  let intent = link.stripeObjectId
    ? await stripe.paymentIntents.retrieve(link.stripeObjectId, { expand: ['latest_charge'] }, opts)
    : null;
  if (intent && isPaid(intent)) return c.html(receiptPage(business, invoice.number, intent, invoiceDetails));
  // Payments made since the link's balance was read (a charge, or this link paid before) reduce what is due.
  const paidSince = paymentRows
    .filter((p) => p.createdAt >= link.createdAt && OPEN_OR_PAID.has(p.status))
    .reduce((s, p) => s + p.amountMinor, 0);
  const dueMinor = (link.amountMinor ?? 0) - paidSince;
  if (dueMinor <= 0)
    return c.html(
      page(
        'Invoice paid',
        html`${businessLine(business)}<h1 class="ok" data-testid="pay-complete">Invoice ${invoice.number} is paid</h1><p>Thank you. There is nothing left to pay.</p>`,
      ),
    );
  if (dueMinor < minimumChargeMinor(invoice.currency)) {
    return c.html(
      page(
        'Balance too small',
        html`${businessLine(business)}<h1>Invoice ${invoice.number}</h1><p>The ${formatMinor(dueMinor, invoice.currency)} still due is below the smallest card payment. Please contact your consultant.</p>`,
      ),
    );
  }
  if (intent && intent.status !== 'canceled' && intent.amount !== dueMinor) {
    // A card charge may have canceled it since it was read: then a new one is made (and checked) below.
    intent = await stripe.paymentIntents.update(intent.id, { amount: dueMinor }, opts).catch(() => null);
  }
  if (!intent || intent.status === 'canceled') {
    intent = await stripe.paymentIntents.create(
      {
        amount: dueMinor,
        currency: invoice.currency,
        allowed_payment_method_types: ['card'],
        description: `Invoice ${invoice.number}`,
        metadata: { invoice_number: invoice.number, source: 'payment_link' },
        // Stripe emails its receipt to the customer once the payment succeeds.
        ...(details?.receiptEmail ? { receipt_email: details.receiptEmail } : {}),
      },
      // One PaymentIntent per link and amount, even when the customer opens the page twice at once.
      { ...opts, idempotencyKey: `qtsb-paylink-${link.tokenHash.slice(0, 24)}-${link.createdAt}-${dueMinor}` },
    );
    // Kept only if no card charge of the invoice started meanwhile (D1 decides); otherwise the card
    // charge is taking the balance and this PaymentIntent must never collect it too.
    const [kept] = await keepLinkIntent(db, link, intent.id);
    if (!kept) {
      await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'duplicate' }, opts).catch(() => undefined);
      return c.html(cardInFlightPage(business, invoice.number));
    }
  }
  return renderElement(c, link, intent, {
    business,
    intro: 'Enter your card to pay this invoice.',
    summary: invoiceSummary(invoice.number, invoiceDetails, invoice.currency),
  });
}

/**
 * Customer-facing payment pages. A pay link collects a new card every time; an authentication link
 * re-opens the PaymentIntent the consultant's charge created so the customer completes 3-D Secure.
 * Whether anything is paid is decided by the webhook, never by this page's redirect.
 */
export const payPage = new Hono<AppEnv>().get('/pay/:token', rateLimit('pay-page', 60, 10 * 60_000), async (c) => {
  const link = await findLiveLink(c.var.db, c.req.param('token'), ['authenticate', 'pay'], Date.now());
  if (!link) return c.html(notFoundPage(NOT_FOUND), 404);
  if (link.purpose === 'pay') return payLinkPage(c, link);
  if (!link.stripeObjectId) return c.html(notFoundPage(NOT_FOUND), 404);
  const [business, intent] = await Promise.all([
    businessName(c.var.db, link.accountId),
    (await c.var.stripe()).paymentIntents.retrieve(
      link.stripeObjectId,
      { expand: ['latest_charge'] },
      { stripeAccount: link.accountId },
    ),
  ]);
  const number = intent.metadata['invoice_number'] ?? '';
  if (isPaid(intent)) return c.html(receiptPage(business, number, intent, null));
  if (intent.status === 'canceled' || !intent.client_secret)
    return c.html(notFoundPage('This payment was canceled. Ask your consultant for a new link.'), 410);
  return renderElement(c, link, intent, {
    business,
    intro: `${intent.description ?? 'Your invoice'}: your bank asks you to confirm this payment. Enter your card and follow your bank's steps.`,
    summary: null,
  });
});
