import { HealthPanel } from '../../components/health-panel';
import { PANEL_CSS } from '../../components/panel-styles';
import { mountBeside } from '../../components/shadow-mount';
import { findPaymentFields } from '../../site/invoice';
import { askBackground } from '../../utils/ask-background';
import type { DeferredStart } from '../deferred';

const checkHealth = () => askBackground({ type: 'health' });

/** The line beside the payment fields when the worker cannot be reached (worker-health.tsx). */
export const startWorkerHealth: DeferredStart = (signal, { ctx, document }) => {
  mountBeside(ctx, document, signal, {
    name: 'stripe-bridge-health',
    find: findPaymentFields,
    append: 'after',
    css: PANEL_CSS,
    view: () => <HealthPanel checkHealth={checkHealth} onlyWhenWrong />,
  });
};
