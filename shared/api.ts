import { z } from 'zod';

// The wire contract between the extension's background and the worker's /api and /connect routes.
// Both sides parse with these schemas; neither hand-copies a request or response type.

/** base64url of a SHA-256 digest: 43 characters, no padding. */
export const challengeSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'challenge must be the base64url SHA-256 of the verifier');
/** The extension's secret half of the connect handshake: 43–128 base64url characters (as PKCE). */
export const verifierSchema = z.string().regex(/^[A-Za-z0-9_-]{43,128}$/);

export const redeemRequestSchema = z.object({ code: z.string().min(20).max(200), verifier: verifierSchema }).strict();
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;

export const accountSummarySchema = z.object({
  id: z.string(),
  businessName: z.string().nullable(),
  livemode: z.boolean(),
  currency: z.string(),
  status: z.enum(['connected', 'disconnected']),
  stripeIsDefaultGateway: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const redeemResponseSchema = z.object({ token: z.string(), account: accountSummarySchema });
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;

export const settingsRequestSchema = z.object({ stripeIsDefaultGateway: z.boolean() }).strict();
export type SettingsRequest = z.infer<typeof settingsRequestSchema>;

/** Why a Connect attempt ended without a token; the extension turns each into a sentence. */
export const CONNECT_FAILURES = ['access_denied', 'account_refused', 'expired', 'stripe_unavailable', 'failed'] as const;
export type ConnectFailure = (typeof CONNECT_FAILURES)[number];

export const CONNECT_FAILURE_MESSAGES: Record<ConnectFailure, string> = {
  access_denied: 'You chose not to connect a Stripe account. Nothing was changed.',
  account_refused:
    'Stripe would not connect that account. If it is the account of your MK My Shop, it is reserved for online Shop orders: connect or create a different Stripe account.',
  expired: 'That connection attempt expired. Click Connect Your Stripe Account to start again.',
  stripe_unavailable: 'Stripe could not be reached to finish connecting. Please try again in a minute.',
  failed: 'Connecting to Stripe did not finish. Please try again.',
};
