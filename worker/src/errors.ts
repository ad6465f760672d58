import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../shared/errors';

/** A failure we expect and can explain: onError turns it into `{error: {code, message}}`. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (message: string) => new AppError(404, 'not_found', message);
export const unauthorized = (message = 'Sign in again: connect your Stripe account in Stripe Settings.') =>
  new AppError(401, 'unauthorized', message);
