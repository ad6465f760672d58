import type { SimState, Timer } from './state.ts';

/** The API version objects are shaped for (stripe-node 23.1.0's pinned version); any Stripe-Version is accepted. */
export const API_VERSION = '2026-10-28.endive';

export type DeliverFn = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<{ status: number }>;

/** Everything a handler needs: the state and the simulator's settings and clock. */
export interface Sim {
  state: SimState;
  readonly publicUrl: string;
  readonly platformId: string;
  readonly autoDeliver: boolean;
  readonly deliver: DeliverFn;
  now(): number;
  /** Called when deliveries became due; the server delivers at once, in-process tests call deliverWebhooks(). */
  onDeliveriesQueued(): void;
}

/** The request that caused a change, recorded on the events it emits. */
export interface Origin {
  requestId: string | null;
  idempotencyKey: string | null;
}

export const NO_ORIGIN: Origin = { requestId: null, idempotencyKey: null };

export function schedule(sim: Sim, at: number, run: () => void): void {
  const timer: Timer = { at, run };
  sim.state.timers.push(timer);
}

/** Runs every timer that is due, earliest first (a timer may schedule more). */
export function runDueTimers(sim: Sim): void {
  for (;;) {
    const now = sim.now();
    let next: Timer | undefined;
    for (const timer of sim.state.timers) if (timer.at <= now && (!next || timer.at < next.at)) next = timer;
    if (!next) return;
    sim.state.timers.splice(sim.state.timers.indexOf(next), 1);
    next.run();
  }
}
