import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HealthReply, MessageError } from '../background/messages';

type HealthState = { kind: 'checking' } | { kind: 'ok'; version: string } | { kind: 'down'; reason: string };

export function healthText(state: HealthState): string {
  switch (state.kind) {
    case 'checking':
      return 'Stripe bridge: checking the worker…';
    case 'ok':
      return `Stripe bridge: worker reachable (v${state.version})`;
    case 'down':
      return `Stripe bridge: ${state.reason}`;
  }
}

function toState(reply: HealthReply | MessageError): HealthState {
  if (reply.ok) return { kind: 'ok', version: reply.version };
  return { kind: 'down', reason: 'error' in reply ? reply.error.message : reply.reason };
}

export interface HealthPanelProps {
  checkHealth: () => Promise<HealthReply | MessageError>;
}

/** One line saying whether the extension can reach its worker, with a way to ask again. */
export function HealthPanel({ checkHealth }: HealthPanelProps) {
  const [state, setState] = useState<HealthState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'checking' });
    void checkHealth().then((reply) => {
      if (current) setState(toState(reply));
    });
    return () => {
      current = false;
    };
  }, [checkHealth, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return (
    <div class="panel" data-testid="stripe-bridge-health" data-state={state.kind} role="status">
      <span class="dot" aria-hidden="true" />
      <span>{healthText(state)}</span>
      {state.kind === 'down' && (
        <button type="button" onClick={retry}>
          Check again
        </button>
      )}
    </div>
  );
}
