import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseInvoiceForm } from './form-input.ts';
import type { Invoice } from './model.ts';
import { accountPage } from './pages/account.ts';
import { invoiceEmailPage } from './pages/invoice-email.ts';
import { invoiceFormPage } from './pages/invoice-form.ts';
import { invoiceListPage } from './pages/invoice-list.ts';
import { invoiceSettingsPage } from './pages/invoice-settings.ts';
import { outboxPage, sentEmailPage } from './pages/outbox.ts';
import { customersPage, dashboardPage, notFoundPage, propayPayPage } from './pages/other.ts';
import type { Store } from './store.ts';

const MAX_BODY_BYTES = 100_000;
const FLASH_COOKIE = 'qt_flash';
const FLASH_TEXT: Record<string, string> = {
  saved: 'Invoice saved. Payments recorded.',
  reversed: 'Payment reversed.',
  emailed: 'Invoice emailed to the customer.',
};

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buf);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function redirect(res: ServerResponse, location: string, flash?: keyof typeof FLASH_TEXT): void {
  const headers: Record<string, string> = { location, 'cache-control': 'no-store' };
  if (flash) headers['set-cookie'] = `${FLASH_COOKIE}=${flash}; Path=/; HttpOnly; SameSite=Lax`;
  res.writeHead(303, headers);
  res.end();
}

/** Reads and clears the one-shot message shown after a redirect. */
function takeFlash(req: IncomingMessage, res: ServerResponse): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${FLASH_COOKIE}=(\\w+)`).exec(req.headers.cookie ?? '');
  if (!match?.[1]) return undefined;
  res.setHeader('set-cookie', `${FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  return FLASH_TEXT[match[1]];
}

/** A new invoice form's contents; `number` is the one reserved when the form was first opened. */
function newInvoiceDraft(store: Store, customerId: string, number: string): Invoice {
  const state = store.state();
  const known = state.customers.some((c) => c.id === customerId);
  return {
    number,
    date: store.today(),
    customerId: known ? customerId : '',
    kind: 'NormalSale',
    lines: [],
    taxRateBp: state.taxRateBp,
    payments: [],
  };
}

async function postInvoice(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  existing: Invoice | null,
): Promise<void> {
  const state = store.state();
  const parsed = parseInvoiceForm(await readForm(req), state);
  const isNew = existing === null;
  const refuse = (status: number, message: string, entered: Parameters<typeof invoiceFormPage>[0]['entered']): void => {
    const draft = parsed.ok ? parsed.submission : parsed.draft;
    // A refused new invoice keeps the number its form reserved (a number another window took gets a new one).
    const reserved = (state.reservedInvoiceNumbers ?? []).includes(draft.number) && !store.findInvoice(draft.number);
    const base = existing ?? newInvoiceDraft(store, '', reserved ? draft.number : store.reserveInvoiceNumber());
    const invoice: Invoice = {
      ...base,
      customerId: draft.customerId,
      kind: draft.kind,
      lines: draft.lines.length > 0 ? draft.lines : base.lines,
    };
    send(res, status, invoiceFormPage({ state, invoice, isNew, entered, notice: { kind: 'error', text: message } }));
  };
  if (!parsed.ok) return refuse(422, parsed.message, parsed.entered);
  if (existing) parsed.submission.number = existing.number;
  const result = store.saveInvoice(parsed.submission, isNew);
  if (!result.ok) return refuse(result.status, result.message, parsed.entered);
  redirect(res, `/invoices/${result.number}`, 'saved');
}

/**
 * `?layout=renamed-balance` serves the invoice as a redesigned site might: the balance cell under
 * another id. The extension must then recognise the page as unknown and put no control on it.
 */
function changedLayout(url: URL, page: string): string {
  return url.searchParams.get('layout') === 'renamed-balance'
    ? page.replace('id="balanceDue"', 'id="amountOwing"')
    : page;
}

export async function route(req: IncomingMessage, res: ServerResponse, store: Store): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://site.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const state = store.state();
  const method = req.method ?? 'GET';
  const invoiceMatch = /^\/invoices\/(\d+)(\/email|\/payments\/(\d+)\/reverse)?$/.exec(path);

  if (method === 'GET' && path === '/') return send(res, 200, dashboardPage(state));
  if (method === 'GET' && path === '/customers') return send(res, 200, customersPage(state));
  if (method === 'GET' && path === '/account') return send(res, 200, accountPage(state));
  if (method === 'GET' && path === '/invoices') return redirect(res, '/invoices/unpaid');
  if (method === 'GET' && path === '/invoices/paid') return send(res, 200, invoiceListPage(state, 'paid'));
  if (method === 'GET' && path === '/invoices/unpaid') return send(res, 200, invoiceListPage(state, 'unpaid'));
  if (method === 'GET' && path === '/settings/invoices')
    return send(res, 200, invoiceSettingsPage(state, url.searchParams.has('saved')));
  if (method === 'POST' && path === '/settings/invoices') {
    const form = await readForm(req);
    store.saveEmailTemplate(
      (form.get('email_subject') ?? '').slice(0, 200),
      (form.get('email_body') ?? '').replace(/\r\n/g, '\n').slice(0, 5000),
    );
    return redirect(res, '/settings/invoices?saved=1');
  }
  if (method === 'GET' && path === '/outbox') return send(res, 200, outboxPage(state));
  const sentMatch = /^\/outbox\/(\d+)$/.exec(path);
  const sent = sentMatch && state.outbox?.find((e) => e.id === sentMatch[1]);
  if (method === 'GET' && sent) return send(res, 200, sentEmailPage(state, sent));
  if (method === 'GET' && path === '/invoices/new') {
    const notice = takeFlash(req, res);
    return send(
      res,
      200,
      invoiceFormPage({
        state,
        invoice: newInvoiceDraft(store, url.searchParams.get('customer') ?? '', store.reserveInvoiceNumber()),
        isNew: true,
        ...(notice ? { notice: { kind: 'success', text: notice } } : {}),
      }),
    );
  }
  if (method === 'POST' && path === '/invoices/new') return postInvoice(req, res, store, null);
  if (method === 'GET' && path === '/propay/pay')
    return send(res, 200, propayPayPage(state, store.findInvoice(url.searchParams.get('invoice') ?? '')));
  if (method === 'POST' && path === '/_site/reset') {
    store.reset();
    res.writeHead(204, { 'cache-control': 'no-store' });
    return void res.end();
  }

  if (invoiceMatch?.[1]) {
    const invoice = store.findInvoice(invoiceMatch[1]);
    if (!invoice) return send(res, 404, notFoundPage(state, `Invoice #${invoiceMatch[1]} was not found.`));
    const [, number, suffix, paymentId] = invoiceMatch;
    if (suffix === undefined && method === 'GET') {
      const notice = takeFlash(req, res);
      return send(
        res,
        200,
        changedLayout(
          url,
          invoiceFormPage({
            state,
            invoice,
            isNew: false,
            ...(notice ? { notice: { kind: 'success', text: notice } } : {}),
          }),
        ),
      );
    }
    if (suffix === undefined && method === 'POST') return postInvoice(req, res, store, invoice);
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    if (suffix === '/email' && method === 'GET') return send(res, 200, invoiceEmailPage(state, invoice, origin));
    if (suffix === '/email' && method === 'POST') {
      const form = await readForm(req);
      const to = (form.get('to') ?? '').trim().slice(0, 320);
      if (!to) return send(res, 422, invoiceEmailPage(state, invoice, origin));
      store.sendEmail({
        invoiceNumber: invoice.number,
        to,
        subject: (form.get('subject') ?? '').slice(0, 200),
        body: (form.get('body') ?? '').replace(/\r\n/g, '\n').slice(0, 20_000),
      });
      return redirect(res, `/invoices/${number}`, 'emailed');
    }
    if (paymentId !== undefined && method === 'POST') {
      await readForm(req);
      const result = store.reversePayment(invoice.number, paymentId);
      if (!result.ok)
        return send(
          res,
          result.status,
          invoiceFormPage({ state, invoice, isNew: false, notice: { kind: 'error', text: result.message } }),
        );
      return redirect(res, `/invoices/${invoice.number}`, 'reversed');
    }
  }
  send(res, method === 'GET' ? 404 : 405, notFoundPage(state, 'The page you asked for does not exist.'));
}
