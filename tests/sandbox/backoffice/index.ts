import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { route } from './routes.ts';
import { openStore, siteClock } from './store.ts';

export const DEFAULT_BACKOFFICE_PORT = 8788;
const DEFAULT_DATA_FILE = '.sandbox-data/backoffice.json';

export interface BackofficeOptions {
  /** 0 picks a free port. */
  port?: number;
  /** JSON file holding the site's state; created from the seed when missing. */
  dataFile?: string;
  host?: string;
  /** Records every date as this YYYY-MM-DD (for saved fixtures); the real date when unset. */
  fixedDate?: string;
}

export interface RunningBackoffice {
  url: string;
  close(): Promise<void>;
}

export async function startBackoffice(options: BackofficeOptions = {}): Promise<RunningBackoffice> {
  const host = options.host ?? '127.0.0.1';
  const store = openStore(
    resolve(options.dataFile ?? process.env.BACKOFFICE_DATA_FILE ?? DEFAULT_DATA_FILE),
    siteClock(options.fixedDate),
  );
  const server = createServer((req, res) => {
    route(req, res, store).catch((error: unknown) => {
      console.error('[backoffice]', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Something went wrong on QT Office Manager.');
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_BACKOFFICE_PORT, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  // Idempotent, so a harness can close in `finally` after a test already stopped the site.
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      (closing ??= new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      })),
  };
}
