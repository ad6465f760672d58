import { z } from 'zod/mini';
import type { SenderKind } from './messages';
import type { SiteMessages } from './site-messages';

export const siteSchemas = {
  'site-report:make': z.strictObject({
    type: z.literal('site-report:make'),
    missing: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
  }),
  'site-report:get': z.strictObject({ type: z.literal('site-report:get') }),
  'extra-site:get': z.strictObject({ type: z.literal('extra-site:get') }),
  'extra-site:set': z.strictObject({ type: z.literal('extra-site:set'), origin: z.string().check(z.maxLength(2048)) }),
  'extra-site:remove': z.strictObject({ type: z.literal('extra-site:remove') }),
} satisfies { [T in keyof SiteMessages]: z.ZodMiniType<SiteMessages[T]> };

/** Where the extension runs is a setting: only Stripe Settings may change or read it. */
export const siteSenders: Record<keyof SiteMessages, readonly SenderKind[]> = {
  'site-report:make': ['site-page'],
  'site-report:get': ['extension-page'],
  'extra-site:get': ['extension-page'],
  'extra-site:set': ['extension-page'],
  'extra-site:remove': ['extension-page'],
};
