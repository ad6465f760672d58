import { defineConfig } from 'drizzle-kit';

// One migrations folder, applied by `wrangler d1 migrations apply` and by the worker tests alike.
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/src/db/schema.ts',
  out: './worker/migrations',
});
