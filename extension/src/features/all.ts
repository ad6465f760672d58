import chargeConfirm from './charge-confirm';
import chargeField from './charge-field';
import chargeHistory from './charge-history';
import emailPayLink from './email-pay-link';
import payLink from './pay-link';
import reconnectBanner from './reconnect-banner';
import refundArrows from './refund-arrows';
import type { Feature } from './registry';
import stripeSettingsEntry from './stripe-settings-entry';
import workerHealth from './worker-health';

/** Every feature of the content script; the convention test checks each file in features/ is here. */
export const allFeatures: readonly Feature[] = [workerHealth, chargeField, chargeConfirm, chargeHistory, stripeSettingsEntry, reconnectBanner, refundArrows, payLink, emailPayLink];
