import { Hono } from '../hono';
import { payLinkRequest } from '../../../shared/api-requests';
import type { ApiEnv } from '../auth';
import { audit } from '../db/queries/audit';
import { invoiceIdOf, upsertInvoice } from '../db/queries/invoices';
import { linkUrl, newLink, refreshPayLink, selectLivePayLink } from '../db/queries/links';
import { AppError } from '../errors';
import { validate } from '../validate';

/**
 * The invoice's payment link for customers: one live link per invoice, refreshed with the balance
 * due the site shows now. The customer always types the card on the page; no stored card is used.
 */
export const payLinks = new Hono<ApiEnv>().post('/pay-links', validate('json', payLinkRequest), async (c) => {
  const { invoice, details } = c.req.valid('json');
  const { db, account, tokenId } = c.var;
  if (invoice.balanceDueMinor <= 0)
    throw new AppError(400, 'validation_failed', 'This invoice has nothing left to pay, so it needs no payment link.');
  if (invoice.currency !== account.defaultCurrency)
    throw new AppError(
      400,
      'validation_failed',
      `Your Stripe account takes payments in ${account.defaultCurrency.toUpperCase()}; this invoice is in ${invoice.currency.toUpperCase()}.`,
    );
  const now = Date.now();
  const stored = {
    date: details?.date ?? null,
    lines: details?.lines ?? [],
    receiptEmail: invoice.customer.email,
  };
  const invoiceId = invoiceIdOf(account.id, invoice.number);
  const [, [existing]] = await db.batch([
    upsertInvoice(db, account.id, invoice, now),
    selectLivePayLink(db, account.id, invoiceId, now),
  ]);
  if (existing?.shareToken) {
    await refreshPayLink(db, account.id, existing.tokenHash, invoice.balanceDueMinor, stored, now);
    return c.json({
      url: linkUrl(c.env.PUBLIC_URL, 'pay', existing.shareToken),
      expiresAt: existing.expiresAt,
      amountMinor: invoice.balanceDueMinor,
    });
  }
  const link = await newLink(
    db,
    c.env.PUBLIC_URL,
    { purpose: 'pay', accountId: account.id, invoiceId, amountMinor: invoice.balanceDueMinor, details: stored },
    now,
  );
  await db.batch([
    link.insert,
    audit(
      db,
      {
        accountId: account.id,
        tokenId,
        action: 'pay_link.created',
        subject: invoice.number,
        detail: { amountMinor: invoice.balanceDueMinor },
      },
      now,
    ),
  ]);
  return c.json({ url: link.url, expiresAt: link.expiresAt, amountMinor: invoice.balanceDueMinor });
});
