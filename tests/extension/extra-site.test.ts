import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { restoreExtraSite } from '../../extension/src/background/site/extra-site';
import { handleMessage } from '../../extension/src/background/handle-message';
import { addExtraSite, removeExtraSite } from '../../extension/src/features/settings/extra-site-actions';
import { contentScriptOn, fakeDeps, optionsPage } from './background-deps';

// One more back-office address from Stripe Settings: exactly that origin is asked for when it is
// added and given back when it is removed, and the site's content scripts follow it.

type Registration = { id: string; js?: string[]; matches?: string[]; excludeMatches?: string[] };

/** The browser's side: which origins are granted, and which content scripts are registered. */
function fakeBrowserGrants(initial: string[] = []) {
  const granted = new Set(initial);
  const registered = new Map<string, Registration>();
  const requested: string[][] = [];
  const removed: string[][] = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async ({ origins = [] }) => {
    requested.push(origins);
    for (const origin of origins) granted.add(origin);
    return true;
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) =>
    origins.every((origin) => granted.has(origin)),
  );
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins = [] }) => {
    removed.push(origins);
    for (const origin of origins) granted.delete(origin);
    return true;
  });
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.registerContentScripts = async (scripts: Registration[]) => {
    for (const script of scripts) {
      if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      registered.set(script.id, script);
    }
  };
  scripting.getRegisteredContentScripts = async () => [...registered.values()];
  scripting.unregisterContentScripts = async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id));
  // Stripe Settings talks to the background as our own extension page.
  fakeBrowser.runtime.onMessage.addListener(((message: unknown) =>
    handleMessage(message, optionsPage(), fakeDeps())) as Parameters<
    typeof fakeBrowser.runtime.onMessage.addListener
  >[0]);
  return { granted, registered, requested, removed };
}

/** Whether the background takes a message from a content script on `url`. */
async function acceptsSitePage(url: string): Promise<boolean> {
  const reply = (await handleMessage({ type: 'health' }, contentScriptOn(url), fakeDeps())) as {
    ok: boolean;
    error?: { code: string };
  };
  return reply.error?.code !== 'forbidden-sender';
}

describe('an extra back-office address', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("asks the browser for that origin only when added, and registers each kind of page's script there", async () => {
    const browserSide = fakeBrowserGrants();
    expect(await addExtraSite('https://office.example-backoffice.com/invoices/1042')).toEqual({
      ok: true,
      origin: 'https://office.example-backoffice.com',
    });
    expect(browserSide.requested).toEqual([['https://office.example-backoffice.com/*']]);
    expect([...browserSide.granted]).toEqual(['https://office.example-backoffice.com/*']);
    const scripts = [...browserSide.registered.values()];
    expect(scripts.map((s) => s.js?.[0]).sort()).toEqual([
      'content-scripts/account.js',
      'content-scripts/email-invoice.js',
      'content-scripts/invoice-lists.js',
      'content-scripts/invoice.js',
    ]);
    for (const script of scripts)
      expect(
        script.matches?.every((p) => p.startsWith('https://office.example-backoffice.com/')),
        script.id,
      ).toBe(true);
    expect(scripts.find((s) => s.id === 'extra-site-invoice')?.excludeMatches).toContain(
      'https://office.example-backoffice.com/invoices/paid*',
    );
  });

  it('drops exactly that permission and its scripts when removed', async () => {
    const browserSide = fakeBrowserGrants(['http://127.0.0.1/*']);
    await addExtraSite('https://office.example-backoffice.com');
    expect(await removeExtraSite()).toEqual({ ok: true, origin: null });
    expect(browserSide.removed).toEqual([['https://office.example-backoffice.com/*']]);
    expect([...browserSide.granted]).toEqual(['http://127.0.0.1/*']);
    expect(browserSide.registered.size).toBe(0);
  });

  it("gives back the old address's permission when another replaces it", async () => {
    const browserSide = fakeBrowserGrants();
    await addExtraSite('https://one.example-backoffice.com');
    await addExtraSite('https://two.example-backoffice.com');
    expect(browserSide.removed).toEqual([['https://one.example-backoffice.com/*']]);
    expect([...browserSide.granted]).toEqual(['https://two.example-backoffice.com/*']);
    expect(
      [...browserSide.registered.values()].every((s) => s.matches?.every((p) => p.startsWith('https://two.'))),
    ).toBe(true);
  });

  it('asks for nothing when the address is not HTTPS, holds credentials, or is already covered', async () => {
    const browserSide = fakeBrowserGrants();
    for (const address of [
      'http://office.example-backoffice.com',
      'https://me:pw@office.example-backoffice.com',
      'http://127.0.0.1:8788',
      'not an address',
    ]) {
      const reply = await addExtraSite(address);
      expect(reply.ok, address).toBe(false);
    }
    expect(browserSide.requested).toEqual([]);
  });

  it('adds nothing when the browser refuses the origin', async () => {
    const browserSide = fakeBrowserGrants();
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect((await addExtraSite('https://office.example-backoffice.com')).ok).toBe(false);
    expect(browserSide.registered.size).toBe(0);
  });

  it("lets the background hear the added site's pages, and stops when it is removed", async () => {
    fakeBrowserGrants();
    const page = 'https://office.example-backoffice.com/invoices/1042';
    expect(await acceptsSitePage(page)).toBe(false);
    await addExtraSite('https://office.example-backoffice.com');
    expect(await acceptsSitePage(page)).toBe(true);
    await removeExtraSite();
    expect(await acceptsSitePage(page)).toBe(false);
  });

  it('forgets the address at start when the consultant took the permission back in the browser', async () => {
    const browserSide = fakeBrowserGrants();
    await addExtraSite('https://office.example-backoffice.com');
    browserSide.granted.clear();
    await restoreExtraSite();
    expect(browserSide.registered.size).toBe(0);
    expect(await removeExtraSite()).toEqual({ ok: true, origin: null });
  });
});
