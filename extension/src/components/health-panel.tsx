import { Component } from 'preact';
import type { MessageError, Replies } from '../background/messages';
import { i18n } from '../i18n';

type HealthState = { kind: 'checking' } | { kind: 'ok'; version: string } | { kind: 'down'; reason: string };

function healthText(state: HealthState): string {
  switch (state.kind) {
    case 'checking':
      return i18n.t('health.checking');
    case 'ok':
      return i18n.t('health.ok', [state.version]);
    case 'down':
      return i18n.t('health.down', [state.reason]);
  }
}

function toState(reply: Replies['health'] | MessageError): HealthState {
  if (reply.ok) return { kind: 'ok', version: reply.version };
  return { kind: 'down', reason: 'error' in reply ? reply.error.message : reply.reason };
}

export interface HealthPanelProps {
  checkHealth: () => Promise<Replies['health'] | MessageError>;
  /** Say nothing while the check runs or when all is well (a site page); speak up only when something is wrong. */
  onlyWhenWrong?: boolean;
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
    // A check started from "Check again" stays on screen until it has an answer.
    if (this.props.onlyWhenWrong && health.kind !== 'down' && !(health.kind === 'checking' && this.checks > 1))
      return null;
    return (
      <div class="panel" data-testid="stripe-bridge-health" data-state={health.kind} role="status">
        <span class="dot" aria-hidden="true" />
        <span>{healthText(health)}</span>
        {health.kind === 'down' && (
          <button type="button" onClick={this.check}>
            {i18n.t('health.checkAgain')}
          </button>
        )}
      </div>
    );
  }
}
