export { connectedStripeAccount, saveTestCard } from '../worker/stripe-world';
export { workerStripeRequests } from '../worker/setup/stripe-sim';
import { signedEvent } from '../worker/factories';

export function signedEventFor(type: string, account: string) {
  return signedEvent({ type, account, data: { object: { id: 'cus_bench', object: 'customer' } } });
}
