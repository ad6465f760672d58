import { editCard } from './cards';
import { chargeInvoice, invoiceStripeState, markRecordedOnSite } from './charges';
import type { ChargeMessages, ChargeReplies } from '../charges-messages';
import type { BackgroundDeps } from '../handle-message';

type ChargeHandlers = { [T in keyof ChargeMessages]: (message: ChargeMessages[T], deps: BackgroundDeps) => Promise<ChargeReplies[T]> };

/** The invoice page's Stripe messages, merged into handle-message.ts. */
export const chargeHandlers: ChargeHandlers = {
  'charges:list': (message, deps) => invoiceStripeState(message.invoiceNumber, message.customerId, deps.fetch),
  'charges:create': (message, deps) => chargeInvoice(message.invoice, message.amountMinor, deps.fetch),
  'charges:recorded': (message, deps) => markRecordedOnSite(message.paymentId, deps.fetch),
  'cards:edit': (message, deps) => editCard(message.invoiceNumber, message.customer, deps.fetch),
};
