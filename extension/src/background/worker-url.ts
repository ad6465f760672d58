import { DEFAULT_WORKER_URL } from '../config';
import type { WorkerUrlSettings } from './messages';
import { workerUrlOverride } from './storage';

/** Baked in by wxt.config.ts from `WXT_WORKER_URL`. */
export const BUILD_WORKER_URL: string = import.meta.env.WXT_WORKER_URL ?? DEFAULT_WORKER_URL;

export async function currentWorkerUrl(): Promise<string> {
  return (await workerUrlOverride.getValue()) ?? BUILD_WORKER_URL;
}

export async function workerUrlSettings(): Promise<WorkerUrlSettings> {
  const override = await workerUrlOverride.getValue();
  return { ok: true, workerUrl: override ?? BUILD_WORKER_URL, buildWorkerUrl: BUILD_WORKER_URL, override };
}

/**
 * The consultant's token travels to this URL, so only an origin (no path, no credentials) over HTTPS
 * is accepted; plain HTTP only for this machine, where a self-hoster runs `wrangler dev`.
 */
export function normaliseWorkerUrl(text: string): { ok: true; origin: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'That is not a web address (expected something like https://bridge.example.com).' };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: 'The worker address must start with https:// (plain http only for 127.0.0.1 or localhost).' };
  }
  if (url.username || url.password) return { ok: false, reason: 'The worker address must not contain a user name or password.' };
  return { ok: true, origin: url.origin };
}
