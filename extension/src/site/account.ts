import { textOf } from './dom';

// The Account tab's "Payment Gateways" section.

export interface GatewayOnPage {
  name: string;
  connected: boolean;
  accountNumber: string | null;
  isDefault: boolean;
}

function gatewaysSection(doc: ParentNode): Element | null {
  const heading = Array.from(doc.querySelectorAll('h2')).find((h) => textOf(h) === 'Payment Gateways');
  return heading?.parentElement ?? null;
}

/** dt text → dd text of a definition list. */
function definitions(dl: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const dt of Array.from(dl.querySelectorAll('dt'))) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') map.set(textOf(dt), textOf(dd));
  }
  return map;
}

/** Each gateway card: its name heading and a list of Status, Account Number, Default Gateway. */
export function readGateways(doc: ParentNode): GatewayOnPage[] {
  const section = gatewaysSection(doc);
  if (!section) return [];
  return Array.from(section.querySelectorAll('dl')).flatMap((dl) => {
    const name = textOf(dl.parentElement?.querySelector('h3'));
    const facts = definitions(dl);
    const status = facts.get('Status');
    if (!name || status === undefined) return [];
    const account = facts.get('Account Number') ?? '';
    return [
      {
        name,
        connected: status === 'Connected',
        accountNumber: /\d/.test(account) ? account : null,
        isDefault: facts.get('Default Gateway') === 'Yes',
      },
    ];
  });
}

/** The container of the gateway cards, where a Stripe Settings card can be added beside ProPay. */
export function findGatewaySettingsSlot(doc: ParentNode): Element | null {
  const section = gatewaysSection(doc);
  const firstCard = section?.querySelector('h3')?.parentElement;
  return firstCard?.parentElement ?? null;
}
