import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Session } from '../../shared/api';
import { handleMessage } from '../../extension/src/background/handle-message';
import { connectThisBrowser, contentScriptOn, fakeDeps, optionsPage } from './background-deps';

const here: Session = {
  id: 'tok_here1234',
  label: 'Chrome on Windows',
  createdAt: 1_700_000_000_000,
  lastUsedAt: 1_700_000_000_000,
  current: true,
};
const laptop: Session = {
  id: 'tok_laptop1234',
  label: 'Firefox on Linux',
  createdAt: 1_700_000_000_000,
  lastUsedAt: null,
  current: false,
};

/** A worker that keeps a list of signed-in browsers and records what the background asked. */
function fakeWorker() {
  let sessions = [here, laptop];
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    asked.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (init?.method === 'DELETE') sessions = sessions.filter((s) => url.pathname !== `/api/sessions/${s.id}`);
    const body = init?.method === 'DELETE' ? { ok: true } : { sessions };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, asked };
}

describe('signed-in browsers in Stripe Settings (background)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await connectThisBrowser();
  });

  it('lists the browsers and signs one out, then lists what is left', async () => {
    const worker = fakeWorker();
    const deps = fakeDeps({ fetch: worker.fetch });
    expect(await handleMessage({ type: 'sessions:list' }, optionsPage(), deps)).toEqual({
      ok: true,
      sessions: [here, laptop],
    });
    expect(await handleMessage({ type: 'sessions:sign-out', id: laptop.id }, optionsPage(), deps)).toEqual({
      ok: true,
      sessions: [here],
    });
    expect(worker.asked).toEqual(['GET /api/sessions', `DELETE /api/sessions/${laptop.id}`, 'GET /api/sessions']);
  });

  it('never lets a site page sign a browser out', async () => {
    const worker = fakeWorker();
    const reply = await handleMessage(
      { type: 'sessions:sign-out', id: laptop.id },
      contentScriptOn('http://127.0.0.1:8788/invoices/1042'),
      fakeDeps({ fetch: worker.fetch }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(worker.asked).toEqual([]);
  });
});
