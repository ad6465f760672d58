import { noteNamesPayment } from '../components/stripe-note';
import { selectedOption } from './dom';
import { readRecordedPayments, recordOtherPayment } from './invoice';

// Posting the site's own forms the way its pages would, from a copy of the page fetched in the
// background of a list: reversing a recorded payment, recording a payment in the Other Payment row.

export interface FormSubmission {
  url: string;
  body: URLSearchParams;
}

/** What the browser would send for `form` (application/x-www-form-urlencoded), without a submit button's name. */
export function formSubmission(form: HTMLFormElement, pageUrl: string): FormSubmission {
  const body = new URLSearchParams();
  for (const field of Array.from(
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'),
  )) {
    const name = field.getAttribute('name');
    if (!name || field.hasAttribute('disabled')) continue;
    if (field.tagName === 'SELECT') {
      const option = selectedOption(field as HTMLSelectElement) ?? (field as HTMLSelectElement).querySelector('option');
      if (option) body.append(name, option.value);
      continue;
    }
    const type = (field.getAttribute('type') ?? 'text').toLowerCase();
    if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !(field as HTMLInputElement).checked) continue;
    body.append(name, field.value);
  }
  return { url: new URL(form.getAttribute('action') ?? '', pageUrl).href, body };
}

/** The Reverse forms of the payments the invoice still counts whose note names the Stripe PaymentIntent. */
export function reverseSubmissionsFor(
  doc: ParentNode,
  paymentIntentId: string,
  pageUrl: string,
): { amountCents: number; submission: FormSubmission | null }[] {
  return readRecordedPayments(doc)
    .filter((payment) => !payment.reversed && noteNamesPayment(payment.note, paymentIntentId))
    .map((payment) => {
      const form = payment.reverseButton?.closest('form');
      return { amountCents: payment.amountCents, submission: form ? formSubmission(form, pageUrl) : null };
    });
}

/** The invoice form with only the Other Payment row filled: Confirm records that one payment. */
export function otherPaymentSubmission(
  doc: Document,
  payment: { amountCents: number; note: string },
  pageUrl: string,
): FormSubmission | null {
  if (recordOtherPayment(doc, payment) !== 'filled') return null;
  const form = doc.querySelector<HTMLFormElement>('form#invoiceForm');
  return form ? formSubmission(form, pageUrl) : null;
}
