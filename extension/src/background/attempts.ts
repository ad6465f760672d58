import { storage } from 'wxt/utils/storage';

// One attempt id per Confirm or refund click, kept until the worker settles it: a retry after a
// timeout, a second click or a reload sends the same id, so Stripe sees one PaymentIntent or one
// refund at most. An attempt is bound to its amount (the worker refuses the same id with another),
// and is dropped once it is older than Stripe remembers idempotency keys: the worker's schedule
// settles it by then.

export interface StoredAttempt {
  attemptId: string;
  amountMinor: number;
  startedAt: number;
}

const ATTEMPT_LIFETIME_MS = 23 * 60 * 60_000;

/**
 * Answers after which the worker may have asked Stripe and we do not know the outcome: only then is
 * the attempt kept. A refusal before any attempt (not connected, rate limited, bad input) is not.
 */
const MAYBE_SENT = new Set([
  'worker_timeout',
  'worker_unreachable',
  'http_error',
  'bad_response',
  'stripe_unavailable',
  'internal',
]);

export function mayHaveReachedStripe(code: string): boolean {
  return MAYBE_SENT.has(code);
}

function newAttemptId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function defineAttemptStore(storageKey: 'local:chargeAttempts' | 'local:refundAttempts', idPrefix: string) {
  const item = storage.defineItem<Record<string, StoredAttempt>>(storageKey, { fallback: {}, version: 1 });
  return {
    item,
    /** The unsettled attempt for this key if it was made for this amount and is young enough, or a new one. */
    async attemptFor(key: string, amountMinor: number, now = Date.now()): Promise<StoredAttempt> {
      const all = await item.getValue();
      const kept = all[key];
      if (kept && kept.amountMinor === amountMinor && now - kept.startedAt < ATTEMPT_LIFETIME_MS) return kept;
      const attempt = { attemptId: newAttemptId(idPrefix), amountMinor, startedAt: now };
      await item.setValue({ ...all, [key]: attempt });
      return attempt;
    },
    /** The worker gave a final answer for this attempt (or never received it): the next click is new. */
    async forget(key: string, attemptId: string): Promise<void> {
      const all = await item.getValue();
      if (all[key]?.attemptId !== attemptId) return;
      const { [key]: _settled, ...rest } = all;
      await item.setValue(rest);
    },
  };
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs the work of one key one after another, so two tabs (or two clicks) of this browser share one
 * attempt; other browsers are kept apart by the worker (D1 allows one charge in flight per invoice).
 */
export function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  queues.set(key, next);
  void next
    .finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    })
    .catch(() => undefined);
  return next;
}
