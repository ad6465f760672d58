import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A child we started; `stop()` kills its whole process group, so grandchildren (workerd) go too. */
export interface Service {
  name: string;
  pid: number;
  stop(): Promise<void>;
  output(): string;
}

const started = new Set<Service>();

export function spawnService(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
): Service {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  const service: Service = {
    name,
    pid,
    output: () => log,
    async stop() {
      started.delete(service);
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
  started.add(service);
  return service;
}

/** Stops everything this process started, newest first. */
export async function stopAll(): Promise<void> {
  for (const service of [...started].reverse()) await service.stop();
}

/** Last resort on abrupt exit: no awaiting possible, so kill synchronously. */
process.once('exit', () => {
  for (const service of started) {
    try {
      process.kill(-service.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function waitForHttp(url: string, service: Service, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${service.name} did not answer ${url} within ${timeoutMs} ms. Its output:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      server.close(() => resolve(address.port));
    });
  });
}

/** Runs a command to completion, throwing with its output if it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}
