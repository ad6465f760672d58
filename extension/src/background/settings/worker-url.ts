import { DEFAULT_WORKER_URL } from '../../config';
import { workerUrlOverride } from '../storage';

export interface WorkerUrlSettings {
  ok: true;
  /** The URL the background talks to right now. */
  workerUrl: string;
  /** Baked in at build time (`WXT_WORKER_URL`). */
  buildWorkerUrl: string;
  /** Set in Stripe Settings by a self-hoster, or null. */
  override: string | null;
}

/** Baked in by wxt.config.ts from `WXT_WORKER_URL`. */
export const BUILD_WORKER_URL: string = import.meta.env.WXT_WORKER_URL ?? DEFAULT_WORKER_URL;

export async function currentWorkerUrl(): Promise<string> {
  return (await workerUrlOverride.getValue()) ?? BUILD_WORKER_URL;
}

export async function workerUrlSettings(): Promise<WorkerUrlSettings> {
  const override = await workerUrlOverride.getValue();
  return { ok: true, workerUrl: override ?? BUILD_WORKER_URL, buildWorkerUrl: BUILD_WORKER_URL, override };
}
