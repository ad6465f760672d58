import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from '../../extension/src/utils/content-script-context';
import type { Message } from '../../extension/src/background/messages';
import reconnectBanner from '../../extension/src/features/connect/reconnect-banner';
import stripeSettingsEntry from '../../extension/src/features/connect/stripe-settings-entry';
import { findGatewaySettingsSlot } from '../../extension/src/site/account';
import { findPaymentFields } from '../../extension/src/site/invoice';
import { fakeAccount } from './fake-worker-server';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');
const fakeCtx = { onInvalidated: () => undefined, options: {} } as unknown as ContentScriptContext;

/** A saved stand-in page as the global document, as a content script sees it. */
function openPage(name: string): Document {
  const { document, window, MutationObserver } = parseHTML(fixture(name));
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document as unknown as Document;
}

/** Plays the background: answers by message type, and records what the page asked. */
function backgroundAnswers(replies: Partial<Record<Message['type'], unknown>>): Message[] {
  const asked: Message[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
    asked.push(message);
    return Promise.resolve(replies[message.type] ?? { ok: true });
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  return asked;
}

function inShadow(host: Element | null | undefined, testId: string): HTMLElement | null {
  return (host?.shadowRoot?.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null | undefined) ?? null;
}

describe('Stripe on the Account tab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('adds a Stripe card beside ProPay that opens Stripe Settings, and reports ProPay connected', async () => {
    const doc = openPage('account.html');
    const asked = backgroundAnswers({ 'account:status': { ok: true, state: 'connected', account: fakeAccount() } });
    const running = new AbortController();
    await stripeSettingsEntry.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/account'),
    });

    const card = () => findGatewaySettingsSlot(doc)?.lastElementChild;
    await vi.waitFor(() => expect(inShadow(card(), 'stripe-settings')?.textContent).toBe('Stripe Settings'));
    await vi.waitFor(() =>
      expect(card()?.shadowRoot?.querySelector('dl')?.textContent).toContain("Jane's Beauty Studio (Test mode)"),
    );
    // Like ProPay's card: the default-gateway answer, and no acct_ id (that is under Stripe Settings → Advanced).
    expect(card()?.shadowRoot?.querySelector('dl')?.textContent).toContain('Default GatewayNo');
    expect(card()?.shadowRoot?.querySelector('dl')?.textContent).not.toContain('acct_');
    inShadow(card(), 'stripe-settings')?.click();
    await vi.waitFor(() => expect(asked).toContainEqual({ type: 'stripe-settings:open' }));
    expect(asked).toContainEqual({ type: 'gateways:report', otherGatewayConnected: true });

    running.abort();
    expect(inShadow(card(), 'stripe-settings')).toBeNull();
  });
});

describe('the reconnect banner', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  const banner = (doc: Document) => inShadow(findPaymentFields(doc)?.previousElementSibling, 'stripe-reconnect');

  it('says Stripe is disconnected above the payment fields once access is revoked', async () => {
    const doc = openPage('invoice-new.html');
    const asked = backgroundAnswers({
      'account:status': { ok: true, state: 'disconnected', account: fakeAccount({ status: 'disconnected' }) },
    });
    const running = new AbortController();
    await reconnectBanner.init(running.signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/new'),
    });
    await vi.waitFor(() =>
      expect(banner(doc)?.textContent).toContain('Stripe disconnected — reconnect in Stripe Settings.'),
    );
    expect(asked).toEqual([{ type: 'account:status', refresh: true }]);
    running.abort();
    expect(banner(doc)).toBeNull();
  });

  it.each(['connected', 'never'] as const)('stays away when Stripe is %s', async (state) => {
    const doc = openPage('invoice-new.html');
    backgroundAnswers({ 'account:status': { ok: true, state } });
    await reconnectBanner.init(new AbortController().signal, {
      ctx: fakeCtx,
      document: doc,
      url: new URL('http://127.0.0.1:8788/invoices/new'),
    });
    expect(banner(doc)).toBeNull();
  });
});
