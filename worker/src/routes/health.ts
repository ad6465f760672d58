import { Hono } from '../hono';
import { VERSION } from '../../../shared/version';
import type { AppEnv } from '../env';

export const health = new Hono<AppEnv>().get('/health', (c) => c.json({ ok: true as const, version: VERSION }));
