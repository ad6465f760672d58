import { drizzle } from 'drizzle-orm/d1';
import { Hono } from 'hono';
import * as schema from './db/schema';
import type { AppEnv } from './env';
import { notFound } from './errors';
import { onError } from './on-error';
import { health } from './routes/health';

const app = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID());
    c.set('db', drizzle(c.env.DB, { schema }));
    await next();
  })
  .route('/', health);

app.notFound((c) => onError(notFound('There is nothing here.'), c));
app.onError(onError);

export type AppType = typeof app;
export default app;
