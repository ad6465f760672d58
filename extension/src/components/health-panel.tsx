import { Component } from 'preact';
import type { MessageError, Replies } from '../background/messages';

type HealthState = { kind: 'checking' } | { kind: 'ok'; version: string } | { kind: 'down'; reason: string };

function healthText(state: HealthState): string {
  switch (state.kind) {
    case 'checking':
      return 'Stripe bridge: checking the worker…';
    case 'ok':
      return `Stripe bridge: worker reachable (v${state.version})`;
    case 'down':
      return `Stripe bridge: ${state.reason}`;
  }
}

function toState(reply: Replies['health'] | MessageError): HealthState {
  if (reply.ok) return { kind: 'ok', version: reply.version };
  return { kind: 'down', reason: 'error' in reply ? reply.error.message : reply.reason };
}

export interface HealthPanelProps {
  checkHealth: () => Promise<Replies['health'] | MessageError>;
}

/**
 * One line saying whether the extension can reach its worker, with a way to ask again. A class
 * component: preact/hooks would cost every site page another kilobyte.
 */
export class HealthPanel extends Component<HealthPanelProps, { health: HealthState }> {
  override state: { health: HealthState } = { health: { kind: 'checking' } };
  /** Only the newest check may set the state, and none once unmounted. */
  private checks = 0;
  private unmounted = false;

  override componentDidMount(): void {
    this.check();
  }

  override componentWillUnmount(): void {
    this.unmounted = true;
  }

  private check = () => {
    this.checks += 1;
    const mine = this.checks;
    this.setState({ health: { kind: 'checking' } });
    void this.props.checkHealth().then((reply) => {
      if (!this.unmounted && this.checks === mine) this.setState({ health: toState(reply) });
    });
  };

  override render() {
    const { health } = this.state;
    return (
      <div class="panel" data-testid="stripe-bridge-health" data-state={health.kind} role="status">
        <span class="dot" aria-hidden="true" />
        <span>{healthText(health)}</span>
        {health.kind === 'down' && (
          <button type="button" onClick={this.check}>
            Check again
          </button>
        )}
      </div>
    );
  }
}
