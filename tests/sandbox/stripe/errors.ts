/** Stripe's error body: https://docs.stripe.com/api/errors */
export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
  request_log_url?: string;
}

/** Thrown by handlers; the router turns it into `{error: body}` with `status`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;
}

export function invalidRequest(
  message: string,
  extra: Omit<Partial<StripeErrorBody>, 'type' | 'message'> = {},
  status = 400,
): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, ...extra };
  if (body.code) body.doc_url = docUrl(body.code);
  return new StripeApiError(status, body);
}

export function resourceMissing(label: string, id: string, param?: string): StripeApiError {
  return invalidRequest(`No such ${label}: '${id}'`, { code: 'resource_missing', ...(param ? { param } : {}) }, 404);
}

export function parameterMissing(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function parameterUnknown(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

export function unexpectedState(message: string, param?: string): StripeApiError {
  return invalidRequest(message, { code: 'payment_intent_unexpected_state', ...(param ? { param } : {}) });
}

export function cardError(
  code: string,
  declineCode: string | undefined,
  message: string,
  extra: Omit<Partial<StripeErrorBody>, 'type' | 'message' | 'code' | 'decline_code'> = {},
): StripeApiError {
  const body: StripeErrorBody = { type: 'card_error', code, message, doc_url: docUrl(code), ...extra };
  if (declineCode) body.decline_code = declineCode;
  return new StripeApiError(402, body);
}

export function authenticationError(message: string, code?: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message, ...(code ? { code } : {}) });
}
