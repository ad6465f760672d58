import type { BackgroundDeps } from '../handle-message';
import { payLinkFor } from '../pay-link/messages';
import type { PayLinkMessages, PayLinkReplies } from '../pay-links-messages';
import { invoiceStatuses, refundInvoice } from './refunds';
import type { RefundMessages, RefundReplies } from '../refunds-messages';

type Messages = RefundMessages & PayLinkMessages;
type Replies = RefundReplies & PayLinkReplies;
type RefundHandlers = { [T in keyof Messages]: (message: Messages[T], deps: BackgroundDeps) => Promise<Replies[T]> };

/** The lists' refund messages and payment links, merged into handle-message.ts. */
export const refundHandlers: RefundHandlers = {
  'refunds:status': (message, deps) => invoiceStatuses(message.numbers, deps.fetch),
  'refunds:create': ({ invoiceNumber, kind, amountMinor }, deps) => refundInvoice({ invoiceNumber, kind, amountMinor }, deps.fetch),
  'pay-links:create': (message, deps) => payLinkFor(message.invoice, deps.fetch),
};
