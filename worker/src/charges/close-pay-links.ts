import type Stripe from 'stripe';
import { stripeErrors } from '../stripe/client';
import { isAccessRevoked } from '../stripe/errors';

export interface PayLinkIntent {
  tokenHash: string;
  paymentIntentId: string | null;
}

/** What stands between a card charge and the invoice's payment links. */
export type LinkGate =
  | { kind: 'clear'; closed: PayLinkIntent[] }
  | { kind: 'paid'; intent: Stripe.PaymentIntent; link: PayLinkIntent; closed: PayLinkIntent[] }
  | { kind: 'unchecked'; revoked: boolean };

const STILL_TAKING = new Set<Stripe.PaymentIntent.Status>(['succeeded', 'processing', 'requires_capture']);

/**
 * Before a card is charged, every PaymentIntent the invoice's payment links hold open is canceled,
 * or found paid (Stripe refuses to cancel a PaymentIntent the customer already paid). Only once
 * none can collect any more is the card charged: a link and a card never collect the same balance.
 */
export async function closePayLinks(
  stripe: Stripe,
  stripeAccount: string,
  payLinks: PayLinkIntent[],
): Promise<LinkGate> {
  const closed: PayLinkIntent[] = [];
  for (const link of payLinks) {
    if (!link.paymentIntentId) continue;
    try {
      // https://docs.stripe.com/api/payment_intents/cancel — refused once the customer has paid.
      await stripe.paymentIntents.cancel(link.paymentIntentId, { cancellation_reason: 'duplicate' }, { stripeAccount });
      closed.push(link);
    } catch (error) {
      if (isAccessRevoked(error)) return { kind: 'unchecked', revoked: true };
      if (!(error instanceof stripeErrors().StripeInvalidRequestError)) return { kind: 'unchecked', revoked: false };
      // Already canceled, or paid: ask Stripe which.
      const intent = await stripe.paymentIntents
        .retrieve(link.paymentIntentId, {}, { stripeAccount })
        .catch(() => null);
      if (!intent) return { kind: 'unchecked', revoked: false };
      if (STILL_TAKING.has(intent.status)) return { kind: 'paid', intent, link, closed };
      if (intent.status !== 'canceled') return { kind: 'unchecked', revoked: false };
      closed.push(link);
    }
  }
  return { kind: 'clear', closed };
}
