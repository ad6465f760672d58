import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../extension/src/background/handle-message';
import { workerUrlOverride } from '../../extension/src/background/storage';
import { contentScriptOn, fakeDeps } from './background-deps';

const servers: Server[] = [];

/** A real HTTP server on a free port, standing in for the worker. */
async function fakeWorker(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port that was free a moment ago and now has nobody listening. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function askHealthFromInvoicePage(workerUrl: string): Promise<unknown> {
  await workerUrlOverride.setValue(workerUrl);
  return handleMessage({ type: 'health' }, contentScriptOn('http://127.0.0.1:8788/invoices/new'), fakeDeps({ fetch }));
}

describe('worker health', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('reports the worker reachable with its version', async () => {
    const paths: string[] = [];
    const url = await fakeWorker((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, version: '0.1.0' }));
    });
    expect(await askHealthFromInvoicePage(url)).toEqual({ ok: true, version: '0.1.0' });
    expect(paths).toEqual(['/health']);
  });

  it('says the worker is unreachable when nothing listens there', async () => {
    const url = await closedPort();
    expect(await askHealthFromInvoicePage(url)).toEqual({ ok: false, reason: `worker unreachable at ${url}` });
  });

  it('gives the HTTP status when the worker answers with an error', async () => {
    const url = await fakeWorker((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"internal","message":"down"}}');
    });
    expect(await askHealthFromInvoicePage(url)).toEqual({
      ok: false,
      reason: 'worker answered with an error (HTTP 503)',
    });
  });

  it.each([
    ['an HTML page', 'text/html', '<html><body>Welcome to nginx</body></html>'],
    ['JSON of another shape', 'application/json', '{"status":"up"}'],
  ])('says the address is not a bridge worker when it serves %s', async (_name, type, body) => {
    const url = await fakeWorker((_req, res) => {
      res.writeHead(200, { 'content-type': type }).end(body);
    });
    expect(await askHealthFromInvoicePage(url)).toEqual({
      ok: false,
      reason: `${url} does not look like a Stripe bridge worker`,
    });
  });
});
