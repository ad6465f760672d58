import { buttonByText, fieldByLabel, selectedOption, setFieldValue, tableRows, tableWithHeaders, textOf } from './dom';
import { centsToInputText, parseDollarText, parseSiteDate } from './money';

// The invoice form (new and existing invoices): what it says, and the elements features attach to.

export type InvoiceKind = 'normal_sale' | 'return_exchange';

export interface InvoiceOnPage {
  number: string;
  kind: InvoiceKind;
  customer: { id: string; name: string; email: string | null };
  totalCents: number;
  paidCents: number;
  balanceDueCents: number;
  currency: string;
}

const KIND_BY_LABEL: Record<string, InvoiceKind> = {
  'Normal Sale': 'normal_sale',
  'Return/Exchange': 'return_exchange',
};

/** The option type the site offers for card payments taken elsewhere; Stripe payments use it. */
export const OTHER_CARD_PAYMENT_TYPE = 'Other Credit Card';

function invoiceForm(doc: ParentNode): HTMLFormElement | null {
  return doc.querySelector<HTMLFormElement>('form#invoiceForm');
}

/** The invoice form's own fields and total cells, each null when the page lacks it. */
export function findInvoiceParts(doc: ParentNode) {
  const form = invoiceForm(doc);
  const q = <T extends Element>(selector: string) => form?.querySelector<T>(selector) ?? null;
  return {
    form,
    number: q<HTMLInputElement>('input[name="invoice_number"]'),
    customer: q<HTMLSelectElement>('select[name="customer_id"]'),
    kind: q<HTMLSelectElement>('select[name="invoice_type"]'),
    currency: q<HTMLInputElement>('input[name="currency"]'),
    total: q('#invoiceTotal'),
    paid: q('#amountPaid'),
    balance: q('#balanceDue'),
  };
}

/** "Jane Cooper (jane@example.com)" or "Rosa Delgado (no email on file)". */
function parseCustomerOption(text: string): { name: string; email: string | null } {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
  if (!m) return { name: text, email: null };
  const contact = (m[2] ?? '').trim();
  return { name: (m[1] ?? '').trim(), email: contact.includes('@') ? contact : null };
}

/**
 * What the invoice form currently says, or null when the page has no invoice form, or when
 * the consultant has not chosen a customer yet (a new invoice starts without one).
 */
export function readInvoice(doc: ParentNode): InvoiceOnPage | null {
  const parts = findInvoiceParts(doc);
  const number = parts.number?.value.trim() ?? '';
  const currency = parts.currency?.value.trim().toUpperCase() ?? '';
  if (!number || !parts.customer || !parts.kind || !currency) return null;
  const customerOption = selectedOption(parts.customer);
  const kind = KIND_BY_LABEL[textOf(selectedOption(parts.kind))];
  if (!customerOption || customerOption.value === '' || !kind) return null;
  const totalCents = parseDollarText(textOf(parts.total));
  const paidCents = parseDollarText(textOf(parts.paid));
  const balanceDueCents = parseDollarText(textOf(parts.balance));
  if (totalCents === null || paidCents === null || balanceDueCents === null) return null;
  return {
    number,
    kind,
    customer: { id: customerOption.value, ...parseCustomerOption(textOf(customerOption)) },
    totalCents,
    paidCents,
    balanceDueCents,
    currency,
  };
}

/** The box holding the site's own payment fields (Cash, Check, ProPay); a Stripe field goes beside them. */
export function findPaymentFields(doc: ParentNode): Element | null {
  return invoiceForm(doc)?.querySelector('fieldset#paymentFields') ?? null;
}

/** The site's Continue button, which opens its review step. */
export function findContinueButton(doc: ParentNode): HTMLButtonElement | null {
  const form = invoiceForm(doc);
  return form ? buttonByText(form, 'Continue') : null;
}

/**
 * The review step shown after Continue (hidden until then). The site rebuilds only its own list
 * and notices inside it, so an element appended to this container stays put.
 */
export function findReviewStep(doc: ParentNode): HTMLElement | null {
  return invoiceForm(doc)?.querySelector<HTMLElement>('section#reviewStep') ?? null;
}

/** Confirm, the submit button of the review step that records the payments. */
export function findConfirmButton(doc: ParentNode): HTMLButtonElement | null {
  const review = findReviewStep(doc);
  const button = review ? buttonByText(review, 'Confirm') : null;
  return button?.getAttribute('type') === 'submit' ? button : null;
}

export interface OtherPaymentFields {
  container: Element;
  type: HTMLSelectElement;
  amount: HTMLInputElement;
  note: HTMLInputElement;
}

/** The "Other Payment" row: a type select, an amount and a note, found by their labels. */
export function findOtherPaymentFields(doc: ParentNode): OtherPaymentFields | null {
  const container = invoiceForm(doc)?.querySelector('fieldset#otherPayment');
  if (!container) return null;
  const type = fieldByLabel<HTMLSelectElement>(container, 'Payment Type');
  const amount = fieldByLabel<HTMLInputElement>(container, 'Amount');
  const note = fieldByLabel<HTMLInputElement>(container, 'Note');
  return type && amount && note ? { container, type, amount, note } : null;
}

export type RecordOutcome = 'filled' | 'no_fields' | 'in_use';

/**
 * Fills the Other Payment row with a card payment taken through Stripe, so Confirm records it on
 * the invoice. Refuses ('in_use') when the consultant already typed a different other payment,
 * rather than overwrite it.
 */
export function recordOtherPayment(doc: ParentNode, payment: { amountCents: number; note: string }): RecordOutcome {
  const fields = findOtherPaymentFields(doc);
  if (!fields) return 'no_fields';
  const amountText = centsToInputText(payment.amountCents);
  const typed = fields.amount.value.trim();
  if (typed !== '' && parseDollarText(typed) !== payment.amountCents) return 'in_use';
  if (!Array.from(fields.type.querySelectorAll('option')).some((o) => o.value === OTHER_CARD_PAYMENT_TYPE))
    return 'no_fields';
  setFieldValue(fields.type, OTHER_CARD_PAYMENT_TYPE);
  setFieldValue(fields.amount, amountText);
  setFieldValue(fields.note, payment.note);
  return 'filled';
}

export interface RecordedPayment {
  /** The site's payment id, when the payment can still be reversed. */
  id: string | null;
  /** ISO date the site recorded it. */
  date: string | null;
  /** "Cash", "Check #2210", "ProPay Credit Card", "Other Credit Card", ... */
  type: string;
  amountCents: number;
  note: string;
  reversed: boolean;
  /** The site's Reverse button (submits a POST); null once reversed. */
  reverseButton: HTMLButtonElement | null;
}

/** The "Payments Received" table of an existing invoice (empty on a new one). */
export function readRecordedPayments(doc: ParentNode): RecordedPayment[] {
  const table = tableWithHeaders(doc, ['Date', 'Payment Type', 'Amount', 'Note', 'Status']);
  if (!table) return [];
  return tableRows(table).flatMap(({ row, cell }) => {
    const amountCents = parseDollarText(textOf(cell('Amount')));
    if (amountCents === null) return [];
    const reverseButton = buttonByText(row, 'Reverse');
    return [
      {
        id: reverseButton?.closest('form')?.querySelector<HTMLInputElement>('input[name="payment_id"]')?.value ?? null,
        date: parseSiteDate(textOf(cell('Date'))),
        type: textOf(cell('Payment Type')),
        amountCents,
        note: textOf(cell('Note')),
        reversed: textOf(cell('Status')).startsWith('Reversed'),
        reverseButton,
      },
    ];
  });
}

/**
 * Calls `onChange` once after each burst of changes to the invoice form: what the consultant types
 * or picks, and the totals the site's own script writes as they do. Observed, not polled; stops
 * with `signal`.
 */
export function watchInvoiceForm(doc: Document, signal: AbortSignal, onChange: () => void): void {
  const form = invoiceForm(doc);
  if (!form || signal.aborted) return;
  let queued = false;
  const changed = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!signal.aborted) onChange();
    });
  };
  const View = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new View(changed);
  observer.observe(form, { subtree: true, childList: true, characterData: true });
  form.addEventListener('input', changed, { signal });
  form.addEventListener('change', changed, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** The review step's row of buttons (Back, Confirm): what is said before Confirm goes above it. Found whenever Confirm is. */
export function findReviewActions(doc: ParentNode): Element | null {
  return findConfirmButton(doc)?.parentElement ?? null;
}

/** The body of the review step's payment list (Payment Type, Amount) that the site rebuilds at each Continue. */
function reviewPaymentsBody(doc: ParentNode): HTMLTableSectionElement | null {
  const review = findReviewStep(doc);
  const table = review ? tableWithHeaders(review, ['Payment Type', 'Amount']) : null;
  return table?.querySelector('tbody') ?? null;
}

/** The review step's list of the payments entered, which the Stripe payment joins as a row. */
export function findReviewPayments(doc: ParentNode): Element | null {
  return reviewPaymentsBody(doc)?.closest('table') ?? null;
}

const OUR_ROW = 'data-qtsb-payment';

/**
 * Shows a payment the site does not know about as a row of its own review list (or removes it when
 * `payment` is null), and hides the site's "no payments entered" row while it is there. Idempotent:
 * safe to call whenever the site rebuilds the list.
 */
export function showReviewPayment(doc: Document, payment: { label: string; amountText: string } | null): void {
  const body = reviewPaymentsBody(doc);
  if (!body) return;
  const ours = body.querySelector<HTMLTableRowElement>(`tr[${OUR_ROW}]`);
  // The site's row saying nothing was entered is its only row spanning the whole table.
  const nothingEntered = Array.from(body.querySelectorAll('tr')).find(
    (row) => row !== ours && row.querySelectorAll('td').length === 1,
  );
  if (nothingEntered && nothingEntered.hidden !== (payment !== null)) nothingEntered.hidden = payment !== null;
  if (!payment) return void ours?.remove();
  const cells = ours ? Array.from(ours.querySelectorAll('td')).map(textOf) : [];
  if (ours && cells[0] === payment.label && cells[1] === payment.amountText && body.lastElementChild === ours) return;
  ours?.remove();
  const row = doc.createElement('tr');
  row.setAttribute(OUR_ROW, '');
  const label = doc.createElement('td');
  label.textContent = payment.label;
  const amount = doc.createElement('td');
  amount.textContent = payment.amountText;
  // Aligned as the site aligns its amounts: the class of the Amount header.
  const header = Array.from(body.closest('table')?.querySelectorAll('thead th') ?? []).find(
    (th) => textOf(th) === 'Amount',
  );
  amount.className = header?.className ?? '';
  row.append(label, amount);
  body.append(row);
}

/** The message the site shows when it refuses to save (a form sent back with an alert), or null. */
export function readSiteRefusal(doc: ParentNode): string | null {
  const alert = doc.querySelector('main [role="alert"]') ?? doc.querySelector('[role="alert"]');
  return textOf(alert) || null;
}
