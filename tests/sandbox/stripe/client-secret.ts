import type { Ctx } from './context.ts';
import { invalidRequest } from './errors.ts';
import { optionalString } from './params.ts';

/** With a publishable key, Stripe requires the intent's client_secret; a secret key may not send one. */
export function assertClientSecret(ctx: Ctx, expected: string | null): void {
  if (!ctx.publishable) return;
  const given = optionalString(ctx.params, 'client_secret');
  if (given === undefined) {
    throw invalidRequest('You must provide a client_secret to use this endpoint with a publishable key.', {
      code: 'parameter_missing',
      param: 'client_secret',
    });
  }
  if (given !== expected) {
    throw invalidRequest(
      `The client_secret provided does not match any associated PaymentIntent or SetupIntent on this account. Ensure the publishable key used belongs to the same account that created the intent.`,
      {
        code: 'resource_missing',
        param: 'client_secret',
      },
      404,
    );
  }
}
