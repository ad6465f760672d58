import { allowsWorkerAddress, DEFAULT_WORKER_URL } from '../../config';
import { workerUrlOverride } from '../storage';

export interface WorkerUrlSettings {
  ok: true;
  /** The URL the background talks to right now. */
  workerUrl: string;
  /** Baked in at build time (`WXT_WORKER_URL`). */
  buildWorkerUrl: string;
  /** Set in Stripe Settings by a self-hoster, or null. */
  override: string | null;
  /** Whether this build offers the field at all. */
  overrideAllowed: boolean;
}

/** Baked in by wxt.config.ts from `WXT_WORKER_URL`. */
export const BUILD_WORKER_URL: string = import.meta.env.WXT_WORKER_URL ?? DEFAULT_WORKER_URL;

/** Baked in by wxt.config.ts: a build without it (the store's) never sends the token elsewhere. */
export const WORKER_ADDRESS_ALLOWED: boolean =
  import.meta.env.WXT_ALLOW_WORKER_ADDRESS ?? allowsWorkerAddress(import.meta.env.MODE, undefined);

/** The self-hoster's address, in builds that offer one; an address saved by another build is ignored. */
async function activeOverride(): Promise<string | null> {
  return WORKER_ADDRESS_ALLOWED ? await workerUrlOverride.getValue() : null;
}

export async function currentWorkerUrl(): Promise<string> {
  return (await activeOverride()) ?? BUILD_WORKER_URL;
}

export async function workerUrlSettings(): Promise<WorkerUrlSettings> {
  const override = await activeOverride();
  return {
    ok: true,
    workerUrl: override ?? BUILD_WORKER_URL,
    buildWorkerUrl: BUILD_WORKER_URL,
    override,
    overrideAllowed: WORKER_ADDRESS_ALLOWED,
  };
}
