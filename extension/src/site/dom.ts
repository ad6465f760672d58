// Small DOM readers shared by the adapter. They avoid `instanceof` on DOM classes so they work on
// the live page, inside a content script's isolated world, and on a parsed fixture alike.

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The option the person has selected now (the `selected` attribute only tells the initial one). */
export function selectedOption(select: HTMLSelectElement): HTMLOptionElement | null {
  const options = Array.from(select.querySelectorAll('option'));
  return options.find((o) => o.value === select.value) ?? null;
}

/** The element whose <label> reads `labelText`, within `root`. */
export function fieldByLabel<T extends Element>(root: ParentNode, labelText: string): T | null {
  const label = Array.from(root.querySelectorAll('label')).find((l) => textOf(l) === labelText);
  const id = label?.getAttribute('for');
  return id ? root.querySelector<T>(`[id="${id}"]`) : null;
}

export function buttonByText(root: ParentNode, text: string): HTMLButtonElement | null {
  return Array.from(root.querySelectorAll('button')).find((b) => textOf(b) === text) ?? null;
}

/** The first table whose header row holds every one of `headers`. */
export function tableWithHeaders(root: ParentNode, headers: readonly string[]): HTMLTableElement | null {
  return (
    Array.from(root.querySelectorAll('table')).find((table) => {
      const names = Array.from(table.querySelectorAll('thead th')).map(textOf);
      return headers.every((h) => names.includes(h));
    }) ?? null
  );
}

export interface TableRow {
  row: HTMLTableRowElement;
  /** Cell under the given header text. */
  cell(header: string): HTMLTableCellElement | null;
}

/** Body rows that have a cell for every header (skips "No invoices" style rows). */
export function tableRows(table: HTMLTableElement): TableRow[] {
  const headers = Array.from(table.querySelectorAll('thead th')).map(textOf);
  return Array.from(table.querySelectorAll<HTMLTableRowElement>('tbody tr'))
    .filter((row) => row.querySelectorAll('td').length === headers.length)
    .map((row) => {
      const cells = Array.from(row.querySelectorAll<HTMLTableCellElement>('td'));
      return { row, cell: (header: string) => cells[headers.indexOf(header)] ?? null };
    });
}

/** Lets the site (and anything listening) see a value we set, as if typed. */
export function setFieldValue(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (field.tagName === 'SELECT') {
    // Selecting the option works on every DOM we meet; some (parsed fixtures) cannot assign select.value.
    const option = Array.from(field.querySelectorAll('option')).find((o) => o.value === value);
    if (!option) throw new Error(`the site's select has no option "${value}"`);
    option.selected = true;
  } else {
    field.value = value;
  }
  const view = field.ownerDocument.defaultView;
  const EventClass = view?.Event ?? Event;
  field.dispatchEvent(new EventClass('input', { bubbles: true }));
  field.dispatchEvent(new EventClass('change', { bubbles: true }));
}
