import type { Context } from 'hono';
import { Hono } from '../hono';
import * as z from 'zod/mini';
import { MAX_STATUS_INVOICES } from '../../../shared/limits';
import { INVOICE_NUMBER_PATTERN } from '../../../shared/statuses';
import { admitRows, type ClaimEnv } from '../auth';
import { statusesOf, statusTotalsQuery } from '../db/queries/invoice-status';
import { tokenStatements } from '../db/queries/tokens';
import { AppError } from '../errors';
import { validate } from '../validate';

const NUMBER = INVOICE_NUMBER_PATTERN;
const NUMBER_MESSAGE = 'numbers: each invoice number must be 1–32 letters, digits or dashes.';

// A Paid list of thousands does not fit a URL (Cloudflare stops at 16 KB), so the list may also
// come as a JSON body; both answer the same.
const byQuery = () => z.object({ numbers: z.string().check(z.maxLength(MAX_STATUS_INVOICES * 33)) });
const byBody = () =>
  z.object({
    numbers: z
      .array(z.string())
      .check(z.maxLength(MAX_STATUS_INVOICES, `At most ${MAX_STATUS_INVOICES} invoices per request.`)),
  });

async function answer(c: Context<ClaimEnv>, listed: string[]) {
  const numbers = [...new Set(listed.filter((n) => n !== ''))];
  if (numbers.length > MAX_STATUS_INVOICES)
    throw new AppError(400, 'validation_failed', `At most ${MAX_STATUS_INVOICES} invoices per request.`);
  if (numbers.some((n) => !NUMBER.test(n))) throw new AppError(400, 'validation_failed', NUMBER_MESSAGE);
  const { db, claim } = c.var;
  // One statement beside the token's check, one D1 round trip, however many invoices the list shows.
  const [tokenRows, accountRows, , totals] = await db.batch([
    ...tokenStatements(db, claim.tokenHash, claim.now, claim.accountId),
    statusTotalsQuery(db, claim.accountId, numbers),
  ]);
  admitRows(claim, tokenRows, accountRows);
  return c.json({ invoices: statusesOf(numbers, totals) });
}

/** Stripe status of the invoices a Paid or Unpaid list shows: green arrow, red arrow, or nothing. */
export const invoiceStatus = new Hono<ClaimEnv>()
  .get('/invoices/status', validate('query', byQuery), (c) => answer(c, c.req.valid('query').numbers.split(',')))
  .post('/invoices/status', validate('json', byBody), (c) => answer(c, c.req.valid('json').numbers));
