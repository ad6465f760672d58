import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaymentSummary, SiteInvoice } from '../../shared/api';
import type { ReplyTo } from '../../extension/src/background/messages';
import { saveThenCharge, type NewInvoiceDeps } from '../../extension/src/features/charge/new-invoice-charge';
import type { Flight } from '../../extension/src/features/charge/charge-store';
import type { SiteIo } from '../../extension/src/utils/site-fetch';
import { getPage, startTestSite, type TestSite } from '../sandbox/backoffice/test-site';

// Confirm on a new invoice against the real stand-in site over HTTP: the invoice is saved through
// the site's own form before anything is charged, the charge is keyed by the number it was saved
// under, and the payment is then recorded through the saved invoice's Other Payment row.

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite();
});
afterEach(async () => {
  await site.dispose();
});

function payment(overrides: Partial<PaymentSummary> = {}): PaymentSummary {
  return {
    id: 'pay_abcdef123456',
    invoiceNumber: '1055',
    status: 'succeeded',
    amountMinor: 5629,
    currency: 'usd',
    card: { brand: 'visa', last4: '4242' },
    feeMinor: null,
    netMinor: null,
    refundedMinor: 0,
    paymentIntentId: 'pi_3QnEwInvoice0000Rf7xK2pD',
    chargeId: 'ch_1',
    message: null,
    failureCode: null,
    authenticationUrl: null,
    createdAt: 0,
    recordedOnSite: false,
    ...overrides,
  };
}

/** The site as a content script reaches it; `failPosts` makes the site's answer to matching posts a 500. */
function siteIo(events: string[], failPosts: RegExp | null = null): SiteIo {
  return {
    fetch: async (input, init) => {
      const url = String(input);
      if (init?.method === 'POST') {
        events.push(`post ${new URL(url).pathname}`);
        if (failPosts?.test(url)) return new Response('Internal error', { status: 500 });
      }
      return fetch(input, init);
    },
    parse: (html) => parseHTML(html).document as unknown as Document,
  };
}

/** A new invoice form for Priya Natarajan with one $52.00 line, totalled as the site's script would ($56.29). */
async function typedNewInvoice(lines: { product: string } = { product: 'Satin Hands Pampering Set' }) {
  const pageUrl = `${site.url}/invoices/new?customer=502`;
  const { document } = await getPage(pageUrl);
  const set = (selector: string, value: string) => document.querySelector(selector)?.setAttribute('value', value);
  set('input[name=line_product]', lines.product);
  set('input[name=line_qty]', '1');
  set('input[name=line_price]', '52.00');
  for (const [id, text] of [
    ['invoiceTotal', '$56.29'],
    ['balanceDue', '$56.29'],
  ] as const) {
    const cell = document.getElementById(id);
    if (cell) cell.textContent = text;
  }
  return { doc: document as unknown as Document, pageUrl };
}

function deps(
  io: SiteIo,
  pageUrl: string,
  events: string[],
  reply: ReplyTo<'charges:create'>,
): NewInvoiceDeps & { charged: SiteInvoice[]; steps: Flight['kind'][] } {
  const charged: SiteInvoice[] = [];
  const steps: Flight['kind'][] = [];
  return {
    io,
    pageUrl,
    charged,
    steps,
    charge: vi.fn(async (invoice: SiteInvoice) => {
      events.push(`charge ${invoice.number}`);
      charged.push(invoice);
      return reply;
    }),
    onStep: (flight) => steps.push(flight.kind),
  };
}

async function historyOf(number: string): Promise<string[][]> {
  const { document } = await getPage(`${site.url}/invoices/${number}`);
  return Array.from(document.querySelectorAll('#paymentHistory tbody tr')).map((row) =>
    Array.from(row.querySelectorAll('td'), (td) => td.textContent?.trim() ?? ''),
  );
}

describe('Confirm on a new invoice', () => {
  it('saves the invoice, then charges it under its saved number, then records the payment on it', async () => {
    const events: string[] = [];
    const { doc, pageUrl } = await typedNewInvoice();
    const d = deps(siteIo(events), pageUrl, events, {
      ok: true,
      outcome: 'succeeded',
      message: null,
      record: payment(),
    });
    const outcome = await saveThenCharge(doc, 5629, d);
    expect(outcome).toEqual({ kind: 'saved', url: `${site.url}/invoices/1055`, invoiceNumber: '1055', note: null });
    expect(events).toEqual(['post /invoices/new', 'charge 1055', 'post /invoices/1055']);
    expect(d.steps).toEqual(['saving', 'charging', 'recording']);
    expect(d.charged).toEqual([
      expect.objectContaining({
        number: '1055',
        totalMinor: 5629,
        balanceDueMinor: 5629,
        customer: expect.objectContaining({ id: '502' }),
      }),
    ]);
    expect(await historyOf('1055')).toEqual([
      [
        expect.any(String),
        'Other Credit Card',
        '$56.29',
        'Stripe — Visa •••• 4242 (ref Rf7xK2pD)',
        'Received',
        'Reverse',
      ],
    ]);
  });

  it("charges nothing when the site refuses to save, and says the site's reason", async () => {
    const events: string[] = [];
    const { doc, pageUrl } = await typedNewInvoice({ product: '' });
    const d = deps(siteIo(events), pageUrl, events, {
      ok: true,
      outcome: 'succeeded',
      message: null,
      record: payment(),
    });
    const outcome = await saveThenCharge(doc, 5629, d);
    expect(outcome).toEqual({
      kind: 'refused',
      message: 'Product line 1 needs a product, a quantity and a price. Nothing was charged.',
    });
    expect(events).toEqual(['post /invoices/new']);
    expect((await getPage(`${site.url}/invoices/1055`)).status).toBe(404);
  });

  it('charges nothing when the site cannot be reached', async () => {
    const { doc, pageUrl } = await typedNewInvoice();
    const io: SiteIo = {
      fetch: () => Promise.reject(new TypeError('offline')),
      parse: (html) => parseHTML(html).document as unknown as Document,
    };
    const events: string[] = [];
    const d = deps(io, pageUrl, events, { ok: true, outcome: 'succeeded', message: null, record: payment() });
    expect(await saveThenCharge(doc, 5629, d)).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/not charged/),
    });
    expect(events).toEqual([]);
  });

  it('still lands on the saved invoice when recording the charge fails, leaving it for the invoice to record', async () => {
    const events: string[] = [];
    const { doc, pageUrl } = await typedNewInvoice();
    const d = deps(siteIo(events, /\/invoices\/1055$/), pageUrl, events, {
      ok: true,
      outcome: 'succeeded',
      message: null,
      record: payment(),
    });
    const outcome = await saveThenCharge(doc, 5629, d);
    expect(outcome).toMatchObject({ kind: 'saved', url: `${site.url}/invoices/1055` });
    expect(events).toEqual(['post /invoices/new', 'charge 1055', 'post /invoices/1055']);
    expect(await historyOf('1055')).toEqual([[expect.stringMatching(/No payments recorded/)]]);
  });

  it("lands on the saved invoice saying the customer's bank wants them to authenticate, recording nothing", async () => {
    const events: string[] = [];
    const { doc, pageUrl } = await typedNewInvoice();
    const d = deps(siteIo(events), pageUrl, events, {
      ok: true,
      outcome: 'requires_action',
      message: null,
      record: payment({ status: 'requires_action', authenticationUrl: 'http://127.0.0.1:8787/pay/abc' }),
    });
    const outcome = await saveThenCharge(doc, 5629, d);
    expect(outcome).toMatchObject({
      kind: 'saved',
      invoiceNumber: '1055',
      note: expect.stringMatching(/authenticate/),
    });
    expect(events).toEqual(['post /invoices/new', 'charge 1055']);
  });

  it('lands on the saved invoice with the refusal when the card is declined', async () => {
    const events: string[] = [];
    const { doc, pageUrl } = await typedNewInvoice();
    const d = deps(siteIo(events), pageUrl, events, {
      ok: true,
      outcome: 'failed',
      message: 'The card was declined.',
      record: payment({ status: 'failed' }),
    });
    expect(await saveThenCharge(doc, 5629, d)).toMatchObject({
      kind: 'saved',
      note: 'The invoice was saved. The card was not charged: The card was declined.',
    });
    expect(events).toEqual(['post /invoices/new', 'charge 1055']);
  });
});
