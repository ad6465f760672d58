import type { Stripe } from 'stripe';

/**
 * The objects the simulator stores and returns, typed with the SDK's own types: each is the subset
 * (Pick) of the SDK type that the simulator fills in, so a field we return has the shape Stripe gives it.
 */
export type Metadata = Record<string, string>;

export type Customer = Pick<
  Stripe.Customer,
  | 'id'
  | 'object'
  | 'balance'
  | 'created'
  | 'default_source'
  | 'description'
  | 'email'
  | 'invoice_settings'
  | 'livemode'
  | 'metadata'
  | 'name'
  | 'phone'
  | 'shipping'
>;

export type CardDetails = Pick<
  Stripe.PaymentMethod.Card,
  | 'brand'
  | 'checks'
  | 'country'
  | 'display_brand'
  | 'exp_month'
  | 'exp_year'
  | 'fingerprint'
  | 'funding'
  | 'generated_from'
  | 'last4'
  | 'networks'
  | 'regulated_status'
  | 'three_d_secure_usage'
  | 'wallet'
>;

export type PaymentMethod = Pick<
  Stripe.PaymentMethod,
  | 'id'
  | 'object'
  | 'allow_redisplay'
  | 'billing_details'
  | 'created'
  | 'customer'
  | 'customer_account'
  | 'livemode'
  | 'metadata'
  | 'type'
> & { card: CardDetails };

export type IntentError = {
  type: 'card_error' | 'invalid_request_error';
  code: string;
  decline_code?: string;
  doc_url?: string;
  message: string;
  payment_method?: PaymentMethod;
  charge?: string;
};

export type NextAction = {
  type: 'use_stripe_sdk' | 'redirect_to_url';
  use_stripe_sdk?: { type: 'three_d_secure_redirect'; stripe_js: string; source: string };
  redirect_to_url?: { url: string; return_url: string };
};

export type PaymentIntent = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_capturable'
  | 'amount_received'
  | 'application'
  | 'application_fee_amount'
  | 'automatic_payment_methods'
  | 'canceled_at'
  | 'cancellation_reason'
  | 'capture_method'
  | 'client_secret'
  | 'confirmation_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'latest_charge'
  | 'livemode'
  | 'metadata'
  | 'on_behalf_of'
  | 'payment_method'
  | 'payment_method_types'
  | 'allowed_payment_method_types'
  | 'processing'
  | 'receipt_email'
  | 'review'
  | 'setup_future_usage'
  | 'shipping'
  | 'statement_descriptor'
  | 'statement_descriptor_suffix'
  | 'status'
  | 'transfer_data'
  | 'transfer_group'
> & { last_payment_error: IntentError | null; next_action: NextAction | null };

export type SetupIntent = Pick<
  Stripe.SetupIntent,
  | 'id'
  | 'object'
  | 'application'
  | 'automatic_payment_methods'
  | 'cancellation_reason'
  | 'client_secret'
  | 'created'
  | 'customer'
  | 'description'
  | 'latest_attempt'
  | 'livemode'
  | 'mandate'
  | 'metadata'
  | 'on_behalf_of'
  | 'payment_method'
  | 'payment_method_types'
  | 'allowed_payment_method_types'
  | 'single_use_mandate'
  | 'status'
  | 'usage'
> & { last_setup_error: IntentError | null; next_action: NextAction | null };

type ChargeCardDetails = Pick<
  Stripe.Charge.PaymentMethodDetails.Card,
  'brand' | 'checks' | 'country' | 'exp_month' | 'exp_year' | 'fingerprint' | 'funding' | 'last4' | 'network'
>;

export type Charge = Pick<
  Stripe.Charge,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_captured'
  | 'amount_refunded'
  | 'application'
  | 'application_fee'
  | 'application_fee_amount'
  | 'balance_transaction'
  | 'billing_details'
  | 'calculated_statement_descriptor'
  | 'captured'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'disputed'
  | 'failure_balance_transaction'
  | 'failure_code'
  | 'failure_message'
  | 'livemode'
  | 'metadata'
  | 'on_behalf_of'
  | 'outcome'
  | 'paid'
  | 'payment_intent'
  | 'payment_method'
  | 'receipt_email'
  | 'receipt_number'
  | 'receipt_url'
  | 'refunded'
  | 'review'
  | 'shipping'
  | 'status'
  | 'transfer_group'
> & { payment_method_details: { type: 'card'; card: ChargeCardDetails } };

export type Refund = Pick<
  Stripe.Refund,
  | 'id'
  | 'object'
  | 'amount'
  | 'balance_transaction'
  | 'charge'
  | 'created'
  | 'currency'
  | 'failure_balance_transaction'
  | 'failure_reason'
  | 'metadata'
  | 'payment_intent'
  | 'pending_reason'
  | 'reason'
  | 'receipt_number'
  | 'status'
> & { instructions_email?: string };

export type BalanceTransaction = Pick<
  Stripe.BalanceTransaction,
  | 'id'
  | 'object'
  | 'amount'
  | 'available_on'
  | 'created'
  | 'currency'
  | 'description'
  | 'exchange_rate'
  | 'fee'
  | 'fee_details'
  | 'net'
  | 'reporting_category'
  | 'source'
  | 'status'
  | 'type'
>;

export type Account = Pick<
  Stripe.Account,
  | 'id'
  | 'object'
  | 'business_profile'
  | 'charges_enabled'
  | 'controller'
  | 'country'
  | 'created'
  | 'default_currency'
  | 'details_submitted'
  | 'email'
  | 'metadata'
  | 'payouts_enabled'
  | 'settings'
  | 'type'
>;

export type WebhookEndpoint = Pick<
  Stripe.WebhookEndpoint,
  | 'id'
  | 'object'
  | 'api_version'
  | 'application'
  | 'created'
  | 'description'
  | 'enabled_events'
  | 'livemode'
  | 'metadata'
  | 'secret'
  | 'status'
  | 'url'
>;

export type ApiObject =
  Customer | PaymentMethod | PaymentIntent | SetupIntent | Charge | Refund | BalanceTransaction | SimEvent;

export type ObjectKind = ApiObject['object'];

export type SimEvent = {
  id: string;
  object: 'event';
  account?: string;
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

export type ApiList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };
