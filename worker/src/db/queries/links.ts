import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { hashSecret, randomSecret } from '../../crypto';
import type { Db } from '../../env';
import { customers, links, type PayLinkDetails } from '../schema';

export type LinkRow = typeof links.$inferSelect;
export type LinkPurpose = LinkRow['purpose'];

export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  card: 30 * 60_000,
  authenticate: 7 * 24 * 60 * 60_000,
  pay: 30 * 24 * 60 * 60_000,
};

const LINK_PATH: Record<LinkPurpose, string> = { card: '/card/', authenticate: '/pay/', pay: '/pay/' };

export interface NewLink {
  purpose: LinkPurpose;
  accountId: string;
  invoiceId?: string | null;
  customerId?: string | null;
  paymentId?: string | null;
  stripeObjectId?: string | null;
  amountMinor?: number | null;
  details?: PayLinkDetails | null;
}

/** A fresh unguessable link: the insert to run (or batch) and the URL to hand out. */
export async function newLink(db: Db, publicUrl: string, link: NewLink, now: number) {
  const token = randomSecret();
  const expiresAt = now + LINK_LIFETIME_MS[link.purpose];
  const insert = db.insert(links).values({
    tokenHash: await hashSecret(token),
    shareToken: link.purpose === 'card' ? null : token,
    purpose: link.purpose,
    accountId: link.accountId,
    invoiceId: link.invoiceId ?? null,
    customerId: link.customerId ?? null,
    paymentId: link.paymentId ?? null,
    stripeObjectId: link.stripeObjectId ?? null,
    amountMinor: link.amountMinor ?? null,
    details: link.details ?? null,
    expiresAt,
    createdAt: now,
  });
  return { insert, url: linkUrl(publicUrl, link.purpose, token), expiresAt };
}

export function linkUrl(publicUrl: string, purpose: LinkPurpose, token: string): string {
  return `${publicUrl}${LINK_PATH[purpose]}${token}`;
}

/** A live link of one of the given purposes, or null (unknown, expired or used up). */
export async function findLiveLink(
  db: Db,
  token: string,
  purposes: LinkPurpose[],
  now: number,
  { includeUsed = false } = {},
): Promise<LinkRow | null> {
  const hash = await hashSecret(token);
  const [row] = await db
    .select()
    .from(links)
    .where(
      includeUsed
        ? and(eq(links.tokenHash, hash), gt(links.expiresAt, now))
        : and(eq(links.tokenHash, hash), gt(links.expiresAt, now), isNull(links.usedAt)),
    )
    .limit(1);
  return row && purposes.includes(row.purpose) ? row : null;
}

export function markLinkUsed(db: Db, tokenHash: string, now: number) {
  return db.update(links).set({ usedAt: now }).where(eq(links.tokenHash, tokenHash));
}

/** A card link and the customer it saves a card for: what saving the card needs, nothing more. */
export interface CardTarget {
  accountId: string;
  tokenHash: string;
  setupIntentId: string | null;
  customerId: string;
  stripeCustomerId: string;
  currentPaymentMethodId: string | null;
}

/**
 * The unused card link that created this SetupIntent, for the webhook path. Flat, uniquely named
 * columns: inside a D1 batch drizzle maps rows by column name, so a join returning two `id`s would
 * mix them up.
 */
export function selectCardTarget(db: Db, accountId: string, setupIntentId: string) {
  return db
    .select({
      accountId: links.accountId,
      tokenHash: links.tokenHash,
      setupIntentId: links.stripeObjectId,
      customerId: customers.id,
      stripeCustomerId: customers.stripeCustomerId,
      currentPaymentMethodId: customers.paymentMethodId,
    })
    .from(links)
    .innerJoin(customers, eq(customers.id, links.customerId))
    .where(
      and(
        eq(links.stripeObjectId, setupIntentId),
        eq(links.accountId, accountId),
        eq(links.purpose, 'card'),
        isNull(links.usedAt),
      ),
    )
    .limit(1);
}

/** Every pay link of the invoice whose PaymentIntent may still take the customer's money, expired or not. */
export function selectPayLinkIntents(db: Db, accountId: string, invoiceId: string) {
  return db
    .select({ tokenHash: links.tokenHash, paymentIntentId: links.stripeObjectId })
    .from(links)
    .where(
      and(
        eq(links.accountId, accountId),
        eq(links.invoiceId, invoiceId),
        eq(links.purpose, 'pay'),
        isNotNull(links.stripeObjectId),
      ),
    );
}

/**
 * Stores the PaymentIntent a pay link opened, unless a card charge of the invoice is in flight:
 * D1 orders this against the card charge's attempt, so exactly one of them can take the balance.
 */
export function keepLinkIntent(
  db: Db,
  link: Pick<LinkRow, 'tokenHash' | 'accountId' | 'invoiceId'>,
  paymentIntentId: string,
) {
  return db
    .update(links)
    .set({ stripeObjectId: paymentIntentId })
    .where(
      and(
        eq(links.tokenHash, link.tokenHash),
        eq(links.accountId, link.accountId),
        sql`NOT EXISTS (SELECT 1 FROM payments p WHERE p.account_id = ${link.accountId} AND p.invoice_id = ${link.invoiceId}
          AND p.source = 'stored_card' AND p.status IN ('pending', 'unknown', 'requires_action'))`,
      ),
    )
    .returning({ tokenHash: links.tokenHash });
}

/** Forgets a link's PaymentIntent, so its next opening asks for what is due then. */
export function clearLinkIntent(db: Db, accountId: string, tokenHash: string) {
  return db
    .update(links)
    .set({ stripeObjectId: null })
    .where(and(eq(links.tokenHash, tokenHash), eq(links.accountId, accountId)));
}

/** The authentication links of an invoice's charges, to show again beside each waiting charge. */
export function selectAuthLinks(db: Db, accountId: string, invoiceId: string) {
  return db
    .select({ paymentId: links.paymentId, shareToken: links.shareToken })
    .from(links)
    .where(and(eq(links.accountId, accountId), eq(links.purpose, 'authenticate'), eq(links.invoiceId, invoiceId)));
}

export function authUrlsByPayment(
  rows: { paymentId: string | null; shareToken: string | null }[],
  publicUrl: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows)
    if (r.paymentId && r.shareToken) out.set(r.paymentId, linkUrl(publicUrl, 'authenticate', r.shareToken));
  return out;
}

/** The invoice's live payment link, to hand out again rather than make a second one. */
export function selectLivePayLink(db: Db, accountId: string, invoiceId: string, now: number) {
  return db
    .select({ tokenHash: links.tokenHash, shareToken: links.shareToken, expiresAt: links.expiresAt })
    .from(links)
    .where(
      and(
        eq(links.accountId, accountId),
        eq(links.invoiceId, invoiceId),
        eq(links.purpose, 'pay'),
        isNull(links.usedAt),
        gt(links.expiresAt, now),
      ),
    )
    .limit(1);
}

/**
 * The link asks for the balance the site shows now; payments before this moment are in that balance.
 * The invoice's date, lines and receipt address are replaced by what the page shows now too.
 */
export function refreshPayLink(
  db: Db,
  accountId: string,
  tokenHash: string,
  amountMinor: number,
  details: PayLinkDetails,
  now: number,
) {
  return db
    .update(links)
    .set({ amountMinor, details, createdAt: now })
    .where(and(eq(links.tokenHash, tokenHash), eq(links.accountId, accountId)));
}
