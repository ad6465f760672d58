import type { SimState, Timer } from './state.ts';

/** The API version objects are shaped for (stripe-node 23.1.0's pinned version); any Stripe-Version is accepted. */
export const API_VERSION = '2026-10-28.endive';

type DeliverFn = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number }>;

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
  /** Made with a live key: its events are live-mode events. */
  livemode?: boolean;
}

export const NO_ORIGIN: Origin = { requestId: null, idempotencyKey: null };

type TimerHandler = (sim: Sim, account: string, id: string) => void;
const timerHandlers = new Map<Timer['kind'], TimerHandler>();

/** Modules register what a kind of timer does (balance settles charges, refunds fail …5126 refunds). */
export function onTimer(kind: Timer['kind'], handler: TimerHandler): void {
  timerHandlers.set(kind, handler);
}

export function schedule(sim: Sim, timer: Timer): void {
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
    timerHandlers.get(next.kind)?.(sim, next.account, next.id);
  }
}
