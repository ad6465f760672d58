export interface SimulatorOptions {
  /** Origin used in pages and links (3-D Secure URLs, receipts); default http://127.0.0.1:12111. */
  publicUrl?: string;
  /** Origin standing for connect.stripe.com: OAuth only (default http://127.0.0.1:12112). /oauth/* stays on publicUrl too. */
  connectUrl?: string;
  /** Origin standing for js.stripe.com: Stripe.js and its frames (default http://127.0.0.1:12113). */
  jsUrl?: string;
  /** Origin standing for hooks.stripe.com: the 3-D Secure challenge page (default http://127.0.0.1:12114). */
  hooksUrl?: string;
  /** Sends a webhook; default: global fetch. */
  deliver?: (
    url: string,
    init: { method: 'POST'; headers: Record<string, string>; body: string },
  ) => Promise<{ status: number }>;
  /** Deliver webhooks as soon as they are due (server: true). In-process default false: tests call deliverWebhooks(). */
  autoDeliver?: boolean;
}

export interface StripeSimulator {
  fetch(request: Request): Promise<Response>;
  /** Back to the seeded state: no objects, no endpoints, seeded accounts not connected, clock at wall time. */
  reset(): void;
  clock: {
    /** Simulator time, unix seconds (wall clock plus every advance). */
    now(): number;
    /** Moves time forward, running what fell due (settlements, refund failures, webhook retries). */
    advance(seconds: number): Promise<void>;
  };
  /** Delivers every due webhook now; returns how many deliveries were attempted. */
  deliverWebhooks(): Promise<number>;
}

/** Beyond the contract: what server.ts uses to keep state in a file (STRIPE_SIM_STATE_FILE). */
export interface PersistentSimulator extends StripeSimulator {
  exportState(): string;
  importState(json: string): void;
}
