import { describe } from 'vitest';
import { useHttpTransport } from './harness.ts';

// The whole conformance suite again, with every SDK call and control over real HTTP to server.ts.
useHttpTransport();

describe('over HTTP', async () => {
  await import('./payment-intents.test.ts');
  await import('./setup-intents.test.ts');
  await import('./refunds.test.ts');
  await import('./requests.test.ts');
  await import('./oauth.test.ts');
  await import('./webhooks.test.ts');
  await import('./faults.test.ts');
});
