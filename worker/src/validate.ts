import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as core from 'zod/v4/core';
import { AppError } from './errors';

function validator<T extends core.$ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new AppError(400, 'validation_failed', `${where}${issue?.message ?? 'invalid input'}`);
    }
  });
}

/**
 * zValidator that answers bad input with our error body, naming the first field that is wrong. The
 * schema is built by the first request that reaches it, not when the worker starts.
 */
export function validate<T extends core.$ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: () => T,
) {
  type Validator = ReturnType<typeof validator<T, Target>>;
  let built: Validator | undefined;
  const middleware: Validator = (c, next) => (built ??= validator(target, schema()))(c, next);
  return middleware;
}
