import { z } from 'zod/mini';
import { i18n } from '../../i18n';
import { workerClient } from '../worker-client';

export type HealthReply = { ok: true; version: string } | { ok: false; reason: string };

const healthBody = z.object({ ok: z.literal(true), version: z.string().check(z.minLength(1)) });

/** Long enough for a cold worker, short enough that the panel never looks stuck. */
const HEALTH_TIMEOUT_MS = 5_000;

/** Asks the worker whether it is up, and says why not in words a consultant can act on. */
export async function checkWorkerHealth(workerUrl: string, fetchImpl: typeof fetch = fetch): Promise<HealthReply> {
  let response: Response;
  try {
    response = await workerClient(workerUrl, fetchImpl).health.$get(undefined, {
      init: { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return { ok: false, reason: i18n.t('worker.healthTimeout', [HEALTH_TIMEOUT_MS / 1000, workerUrl]) };
    }
    return { ok: false, reason: i18n.t('worker.healthUnreachable', [workerUrl]) };
  }
  if (!response.ok) return { ok: false, reason: i18n.t('worker.healthHttpError', [response.status]) };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: i18n.t('worker.healthNotAWorker', [workerUrl]) };
  }
  const parsed = healthBody.safeParse(body);
  if (!parsed.success) return { ok: false, reason: i18n.t('worker.healthNotAWorker', [workerUrl]) };
  return { ok: true, version: parsed.data.version };
}
