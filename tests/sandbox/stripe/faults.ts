import type { Sim } from './sim.ts';
import type { FaultMode } from './state.ts';

/** The change was committed but the connection dropped before the response: fetch rejects, as on a network failure. */
export class DroppedConnection extends TypeError {
  constructor() {
    super('fetch failed: connection closed after the request was committed (simulated fault)');
  }
}

/** Consumes one armed fault that applies to `path`, if any. */
export function takeFault(sim: Sim, path: string): FaultMode | null {
  const fault = sim.state.faults.find((f) => f.remaining > 0 && (f.path === undefined || path.startsWith(f.path)));
  if (!fault) return null;
  fault.remaining--;
  if (fault.remaining === 0) sim.state.faults.splice(sim.state.faults.indexOf(fault), 1);
  return fault.mode;
}
