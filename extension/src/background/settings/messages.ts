import { z } from 'zod/mini';
import { i18n } from '../../i18n';
import { normaliseWorkerUrl } from '../../utils/worker-address';
import { messageError, on } from '../protocol';
import { workerUrlOverride } from '../storage';
import { checkWorkerHealth } from './health';
import { currentWorkerUrl, WORKER_ADDRESS_ALLOWED, workerUrlSettings } from './worker-url';

// Whether the worker answers, and which worker. The worker address decides where the consultant's
// token is sent, so only our own pages may read or change it.

export const settingsMessages = {
  health: on(z.strictObject({ type: z.literal('health') }), ['extension-page', 'site-page'], async (_message, deps) =>
    checkWorkerHealth(await currentWorkerUrl(), deps.fetch),
  ),
  'worker-url:get': on(z.strictObject({ type: z.literal('worker-url:get') }), ['extension-page'], () =>
    workerUrlSettings(),
  ),
  'worker-url:set': on(
    z.strictObject({ type: z.literal('worker-url:set'), url: z.nullable(z.string().check(z.maxLength(2048))) }),
    ['extension-page'],
    async (message, deps) => {
      if (message.url === null || message.url.trim() === '') {
        await workerUrlOverride.setValue(null);
        return workerUrlSettings();
      }
      if (!WORKER_ADDRESS_ALLOWED) return messageError('invalid-setting', i18n.t('worker.ownOnly'));
      const normalised = normaliseWorkerUrl(message.url);
      if (!normalised.ok) return messageError('invalid-setting', normalised.reason);
      if (!(await deps.hasOriginAccess(normalised.origin))) {
        return messageError('invalid-setting', i18n.t('worker.notAllowed', [normalised.origin]));
      }
      await workerUrlOverride.setValue(normalised.origin);
      return workerUrlSettings();
    },
  ),
};
