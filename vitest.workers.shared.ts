import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { buildStripeModule } from './scripts/build-stripe-module';

/** Tests inside workerd with the real D1 and the migrations drizzle-kit generated. */
export function workersConfig(include: string[]) {
  return defineConfig(async () => {
    // wrangler runs this as its build command; the workerd pool does not (worker/src/stripe/client.ts imports it).
    await buildStripeModule();
    return {
      plugins: [
        cloudflareTest({
          wrangler: { configPath: './wrangler.toml' },
          miniflare: {
            bindings: {
              STRIPE_SECRET_KEY: 'sk_test_workertests',
              STRIPE_WEBHOOK_SECRET: 'whsec_workertestsonly',
              TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('./worker/migrations', import.meta.url))),
            },
          },
        }),
      ],
      test: {
        include,
        testTimeout: 20_000,
        setupFiles: ['./tests/worker/setup/apply-migrations.ts'],
      },
    };
  });
}
