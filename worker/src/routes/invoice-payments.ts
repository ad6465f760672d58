import { Hono } from '../hono';
import * as z from 'zod/mini';
import { invoiceNumber } from '../../../shared/api-requests';
import type { ApiEnv } from '../auth';
import { cardOf, selectCustomer } from '../db/queries/customers';
import { selectInvoiceHistory } from '../db/queries/invoice-reads';
import { invoiceIdOf } from '../db/queries/invoices';
import { authUrlsByPayment, selectAuthLinks } from '../db/queries/links';
import { toPaymentSummary } from '../db/queries/payments';
import { validate } from '../validate';

const params = () => z.object({ number: invoiceNumber() });
const query = () => z.object({ customer: z.string().check(z.minLength(1, 'customer is missing'), z.maxLength(64)) });

/** The invoice's Stripe history and the customer's card on file, in one D1 round trip. */
export const invoicePayments = new Hono<ApiEnv>().get(
  '/invoices/:number/payments',
  validate('param', params),
  validate('query', query),
  async (c) => {
    const { db, account } = c.var;
    const { number } = c.req.valid('param');
    const [rows, customerRows, authLinks] = await db.batch([
      selectInvoiceHistory(db, account.id, number),
      selectCustomer(db, account.id, c.req.valid('query').customer),
      selectAuthLinks(db, account.id, invoiceIdOf(account.id, number)),
    ]);
    const authUrl = authUrlsByPayment(authLinks, c.env.PUBLIC_URL);
    return c.json({
      payments: rows.map((r) => toPaymentSummary(r.payment, r.number, authUrl.get(r.payment.id) ?? null)),
      card: cardOf(customerRows[0]),
    });
  },
);
