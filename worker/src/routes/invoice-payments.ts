import { Hono } from '../hono';
import * as z from 'zod/mini';
import { invoiceNumber } from '../../../shared/api-requests';
import { admitRows, type ClaimEnv } from '../auth';
import { cardOf, selectCustomer } from '../db/queries/customers';
import { selectInvoiceHistory } from '../db/queries/invoice-reads';
import { invoiceIdOf } from '../db/queries/invoices';
import { tokenStatements } from '../db/queries/tokens';
import { authUrlsByPayment, selectAuthLinks } from '../db/queries/links';
import { toPaymentSummary } from '../db/queries/payments';
import { validate } from '../validate';

const params = () => z.object({ number: invoiceNumber() });
const query = () => z.object({ customer: z.string().check(z.minLength(1, 'customer is missing'), z.maxLength(64)) });

/** The invoice's Stripe history and the customer's card on file, in one D1 round trip with the token's check. */
export const invoicePayments = new Hono<ClaimEnv>().get(
  '/invoices/:number/payments',
  validate('param', params),
  validate('query', query),
  async (c) => {
    const { db, claim } = c.var;
    const { accountId } = claim;
    const { number } = c.req.valid('param');
    const [tokenRows, accountRows, , rows, customerRows, authLinks] = await db.batch([
      ...tokenStatements(db, claim.tokenHash, claim.now, accountId),
      selectInvoiceHistory(db, accountId, number),
      selectCustomer(db, accountId, c.req.valid('query').customer),
      selectAuthLinks(db, accountId, invoiceIdOf(accountId, number)),
    ]);
    admitRows(claim, tokenRows, accountRows);
    const authUrl = authUrlsByPayment(authLinks, c.env.PUBLIC_URL);
    return c.json({
      payments: rows.map((r) => toPaymentSummary(r.payment, r.number, authUrl.get(r.payment.id) ?? null)),
      card: cardOf(customerRows[0]),
    });
  },
);
