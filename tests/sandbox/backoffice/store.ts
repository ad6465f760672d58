import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  balanceDueCents,
  type BackofficeState,
  type Invoice,
  type InvoiceKind,
  type InvoiceLine,
  type Payment,
  type PaymentMethod,
  type SentEmail,
} from './model.ts';
import { seedState } from './seed.ts';

// One store per running site, so tests can run several sites side by side. Every mutation is
// written through to the JSON file (write + rename, so a crash never leaves half a file).

export interface NewPayment {
  method: PaymentMethod;
  amountCents: number;
  otherType: string | null;
  checkNumber: string | null;
  note: string;
}

export interface InvoiceSubmission {
  /** The number shown on the form; for a new invoice, the one the form reserved. */
  number: string;
  customerId: string;
  kind: InvoiceKind;
  lines: InvoiceLine[];
  payments: NewPayment[];
}

type SaveResult = { ok: true; number: string } | { ok: false; status: 404 | 409 | 422; message: string };

export interface Store {
  state(): BackofficeState;
  findInvoice(number: string): Invoice | undefined;
  saveInvoice(submission: InvoiceSubmission, isNew: boolean): SaveResult;
  /** The number a new-invoice form is opened with; no other form gets it. */
  reserveInvoiceNumber(): string;
  reversePayment(invoiceNumber: string, paymentId: string): SaveResult;
  saveEmailTemplate(subject: string, body: string): void;
  /** Keeps the email as sent: the site's mail server sends exactly what the form posted. */
  sendEmail(email: Omit<SentEmail, 'id' | 'sentAt'>): SentEmail;
  reset(): void;
  /** Today's date as the site records it (YYYY-MM-DD). */
  today(): string;
}

/** The site's calendar: the real date, or a fixed one so saved pages do not change from day to day. */
export function siteClock(fixedDate?: string): () => string {
  return fixedDate ? () => fixedDate : () => new Date().toISOString().slice(0, 10);
}

function load(dataFile: string): BackofficeState | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(dataFile, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && (parsed as { version?: unknown }).version === 1)
      return parsed as BackofficeState;
    return null;
  } catch {
    return null;
  }
}

export function openStore(dataFile: string, today: () => string = siteClock()): Store {
  let current = load(dataFile) ?? seedState();
  const persist = (): void => {
    mkdirSync(dirname(dataFile), { recursive: true });
    const tmp = `${dataFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(current, null, 2));
    renameSync(tmp, dataFile);
  };
  persist();

  const findInvoice = (number: string): Invoice | undefined => current.invoices.find((inv) => inv.number === number);

  return {
    today,
    state: () => current,
    findInvoice,
    saveInvoice(submission, isNew) {
      if (!current.customers.some((c) => c.id === submission.customerId))
        return { ok: false, status: 422, message: 'Please select a customer.' };
      if (submission.lines.length === 0)
        return { ok: false, status: 422, message: 'Add at least one product to the invoice.' };
      let invoice: Invoice;
      if (isNew) {
        if (findInvoice(submission.number) || !(current.reservedInvoiceNumbers ?? []).includes(submission.number)) {
          return {
            ok: false,
            status: 409,
            message: `Invoice #${submission.number} was already saved in another window. Please start a new invoice.`,
          };
        }
        invoice = {
          number: submission.number,
          date: today(),
          customerId: submission.customerId,
          kind: submission.kind,
          lines: [],
          taxRateBp: current.taxRateBp,
          payments: [],
        };
      } else {
        const found = findInvoice(submission.number);
        if (!found) return { ok: false, status: 404, message: `Invoice #${submission.number} was not found.` };
        invoice = structuredClone(found);
      }
      invoice.customerId = submission.customerId;
      invoice.kind = submission.kind;
      invoice.lines = submission.lines;
      const before = balanceDueCents(invoice);
      const incoming = submission.payments.reduce((sum, p) => sum + p.amountCents, 0);
      if (incoming > 0 && incoming > before)
        return { ok: false, status: 422, message: 'The payments entered are more than the balance due.' };
      let nextPaymentId = current.nextPaymentId;
      for (const p of submission.payments) {
        const payment: Payment = { id: String(nextPaymentId), date: today(), reversedOn: null, ...p };
        nextPaymentId += 1;
        invoice.payments.push(payment);
      }
      const invoices = isNew
        ? [...current.invoices, invoice]
        : current.invoices.map((inv) => (inv.number === invoice.number ? invoice : inv));
      current = {
        ...current,
        invoices,
        nextPaymentId,
        reservedInvoiceNumbers: (current.reservedInvoiceNumbers ?? []).filter((n) => !isNew || n !== invoice.number),
      };
      persist();
      return { ok: true, number: invoice.number };
    },
    reserveInvoiceNumber() {
      const number = String(current.nextInvoiceNumber);
      current = {
        ...current,
        nextInvoiceNumber: current.nextInvoiceNumber + 1,
        reservedInvoiceNumbers: [...(current.reservedInvoiceNumbers ?? []), number],
      };
      persist();
      return number;
    },
    reversePayment(invoiceNumber, paymentId) {
      const invoice = findInvoice(invoiceNumber);
      const payment = invoice?.payments.find((p) => p.id === paymentId);
      if (!invoice || !payment) return { ok: false, status: 404, message: 'That payment was not found.' };
      if (payment.reversedOn !== null) return { ok: false, status: 409, message: 'That payment was already reversed.' };
      payment.reversedOn = today();
      persist();
      return { ok: true, number: invoiceNumber };
    },
    saveEmailTemplate(subject, body) {
      current = { ...current, emailTemplate: { subject, body } };
      persist();
    },
    sendEmail(email) {
      const outbox = current.outbox ?? [];
      const sent: SentEmail = { ...email, id: String(outbox.length + 1), sentAt: new Date().toISOString() };
      current = { ...current, outbox: [...outbox, sent] };
      persist();
      return sent;
    },
    reset() {
      current = seedState();
      persist();
    },
  };
}
