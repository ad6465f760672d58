// Types of the generated stripe.mjs (scripts/build-stripe-module.ts): the official SDK's own.
import Stripe from 'stripe';
export default Stripe;
