import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on a free port standing in for the worker, recording what the background sent.

interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export type FakeRoute = (request: SeenRequest) => { status: number; body: unknown };

export interface FakeWorker {
  url: string;
  seen: SeenRequest[];
  close: () => Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export async function startFakeWorker(route: FakeRoute): Promise<FakeWorker> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readJson(req).then((body) => {
      const request = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body };
      seen.push(request);
      const answer = route(request);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port that was free a moment ago and now has nobody listening. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function fakeAccount(
  overrides: Partial<{
    id: string;
    businessName: string | null;
    livemode: boolean;
    status: 'connected' | 'disconnected';
    stripeIsDefaultGateway: boolean;
  }> = {},
) {
  return {
    id: 'acct_1JanesBeautyStudio',
    businessName: "Jane's Beauty Studio",
    livemode: false,
    currency: 'usd',
    status: 'connected' as const,
    stripeIsDefaultGateway: false,
    ...overrides,
  };
}
