import type { Feature } from '../registry';
import stripeSettingsEntry from '../stripe-settings-entry';

/** What the Account tab's content script runs. */
export const accountFeatures: readonly Feature[] = [stripeSettingsEntry];
