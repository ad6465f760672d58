// Types only: what the extension's typed client (extension/src/background/worker-client.ts,
// `hc<AppType>`) knows of the worker. Nothing here is bundled into the extension.
export type { AppType } from './index';
