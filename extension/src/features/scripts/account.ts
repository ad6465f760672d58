import type { Feature } from '../registry';
import stripeSettingsEntry from '../connect/stripe-settings-entry';

/** What the Account tab's content script runs. */
export const accountFeatures: readonly Feature[] = [stripeSettingsEntry];
