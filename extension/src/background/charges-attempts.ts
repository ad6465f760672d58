import { storage } from 'wxt/utils/storage';

// One attempt id per Confirm, kept until the worker settles it: a retry after a timeout, a second
// click or a reload of the invoice sends the same id, so Stripe sees one PaymentIntent at most.

export interface StoredAttempt {
  attemptId: string;
  amountMinor: number;
  startedAt: number;
}

export const chargeAttempts = storage.defineItem<Record<string, StoredAttempt>>('local:chargeAttempts', {
  fallback: {},
  version: 1,
});

function newAttemptId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return `att_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The unsettled attempt for this invoice, or a new one; only one per invoice at a time. */
export async function attemptFor(invoiceKey: string, amountMinor: number, now = Date.now()): Promise<StoredAttempt> {
  const all = await chargeAttempts.getValue();
  const existing = all[invoiceKey];
  if (existing) return existing;
  const attempt = { attemptId: newAttemptId(), amountMinor, startedAt: now };
  await chargeAttempts.setValue({ ...all, [invoiceKey]: attempt });
  return attempt;
}

/** The worker gave a final answer for this attempt: the next Confirm is a new charge. */
export async function forgetAttempt(invoiceKey: string, attemptId: string): Promise<void> {
  const all = await chargeAttempts.getValue();
  if (all[invoiceKey]?.attemptId !== attemptId) return;
  const { [invoiceKey]: _settled, ...rest } = all;
  await chargeAttempts.setValue(rest);
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs charges of one invoice one after another, so two tabs (or two clicks) confirming at once
 * share one attempt instead of each making their own.
 */
export function oneAtATime<T>(invoiceKey: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(invoiceKey) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  queues.set(invoiceKey, next);
  void next.finally(() => {
    if (queues.get(invoiceKey) === next) queues.delete(invoiceKey);
  }).catch(() => undefined);
  return next;
}
