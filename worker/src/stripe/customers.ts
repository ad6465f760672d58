import type Stripe from 'stripe';
import type { SiteCustomer } from '../../../shared/api';
import { randomSecret } from '../crypto';
import { insertCustomer, selectCustomer, type CustomerRow } from '../db/queries/customers';
import type { Db } from '../env';

/**
 * The Stripe Customer for a site customer on the connected account, created on first need. The
 * idempotency key is per (account, site customer), so two tabs racing create one Customer.
 */
export async function ensureCustomer(
  db: Db,
  stripe: Stripe,
  accountId: string,
  site: SiteCustomer,
  now: number,
): Promise<CustomerRow> {
  const [existing] = await selectCustomer(db, accountId, site.id);
  if (existing) return existing;
  const created = await stripe.customers.create(
    { name: site.name, ...(site.email ? { email: site.email } : {}), metadata: { site_customer_id: site.id } },
    { stripeAccount: accountId, idempotencyKey: `qtsb-customer-${accountId}-${site.id}` },
  );
  const [inserted] = await insertCustomer(db, {
    id: randomSecret('cus_row_', 9),
    accountId,
    siteCustomerId: site.id,
    stripeCustomerId: created.id,
    name: site.name,
    email: site.email,
    createdAt: now,
  });
  if (inserted) return inserted;
  const [raced] = await selectCustomer(db, accountId, site.id);
  if (!raced) throw new Error('customer row vanished');
  return raced;
}
