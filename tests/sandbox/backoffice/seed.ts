import {
  totalCents,
  type BackofficeState,
  type Invoice,
  type InvoiceKind,
  type InvoiceLine,
  type Payment,
  type PaymentMethod,
} from './model.ts';

// Demo data a consultant's account might hold: most customers have emails, invoices mix
// paid/unpaid, Normal Sale/Return-Exchange, and one is partly paid (1046).

const TAX_BP = 825;

const PRODUCTS = {
  miracleSet: { sku: '10165', product: 'TimeWise Miracle Set 3D', priceCents: 9900 },
  satinHands: { sku: '10087', product: 'Satin Hands Pampering Set', priceCents: 3600 },
  lashLove: { sku: '10143', product: 'Lash Love Mascara - I ♥ Black', priceCents: 2000 },
  ccCream: { sku: '10210', product: 'CC Cream Sunscreen SPF 15 - Light to Medium', priceCents: 2400 },
  lipGloss: { sku: '10302', product: 'Mary Kay Unlimited Lip Gloss - Pink Parfait', priceCents: 1800 },
  clearProof: { sku: '10095', product: 'Clear Proof Acne System', priceCents: 4800 },
  voluFirm: { sku: '10177', product: 'TimeWise Repair Volu-Firm Set', priceCents: 22500 },
  charcoalMask: { sku: '10266', product: 'Clear Proof Deep-Cleansing Charcoal Mask', priceCents: 2800 },
  eyeRemover: { sku: '10011', product: 'Oil-Free Eye Makeup Remover', priceCents: 1800 },
  satinLips: { sku: '10089', product: 'Satin Lips Set', priceCents: 2600 },
} satisfies Record<string, Omit<InvoiceLine, 'qty'>>;

type ProductKey = keyof typeof PRODUCTS;

let paymentSeq = 0;

function line(key: ProductKey, qty = 1): InvoiceLine {
  return { ...PRODUCTS[key], qty };
}

function pay(date: string, method: PaymentMethod, amountCents: number, extra: Partial<Payment> = {}): Payment {
  paymentSeq += 1;
  return {
    id: String(paymentSeq),
    date,
    method,
    otherType: null,
    checkNumber: null,
    amountCents,
    note: '',
    reversedOn: null,
    ...extra,
  };
}

interface InvoiceSpec {
  number: string;
  date: string;
  customerId: string;
  kind?: InvoiceKind;
  lines: InvoiceLine[];
  /** 'full' pays the whole total with the given method; a number pays that many cents. */
  paid?: { method: PaymentMethod; amount: 'full' | number; checkNumber?: string };
}

function invoice(spec: InvoiceSpec): Invoice {
  const inv: Invoice = {
    number: spec.number,
    date: spec.date,
    customerId: spec.customerId,
    kind: spec.kind ?? 'NormalSale',
    lines: spec.lines,
    taxRateBp: TAX_BP,
    payments: [],
  };
  if (spec.paid) {
    const amount = spec.paid.amount === 'full' ? totalCents(inv) : spec.paid.amount;
    inv.payments.push(pay(spec.date, spec.paid.method, amount, { checkNumber: spec.paid.checkNumber ?? null }));
  }
  return inv;
}

export function seedState(): BackofficeState {
  paymentSeq = 0;
  const invoices: Invoice[] = [
    invoice({
      number: '1041',
      date: '2025-03-03',
      customerId: '501',
      lines: [line('miracleSet'), line('lashLove', 2)],
      paid: { method: 'propay', amount: 'full' },
    }),
    invoice({ number: '1042', date: '2025-03-05', customerId: '502', lines: [line('satinHands'), line('lipGloss')] }),
    invoice({
      number: '1043',
      date: '2025-03-08',
      customerId: '503',
      lines: [line('clearProof'), line('charcoalMask')],
      paid: { method: 'cash', amount: 'full' },
    }),
    invoice({ number: '1044', date: '2025-03-10', customerId: '504', lines: [line('voluFirm')] }),
    invoice({
      number: '1045',
      date: '2025-03-12',
      customerId: '505',
      kind: 'ReturnExchange',
      lines: [line('ccCream')],
      paid: { method: 'check', amount: 'full', checkNumber: '2210' },
    }),
    invoice({
      number: '1046',
      date: '2025-03-15',
      customerId: '501',
      lines: [line('voluFirm'), line('eyeRemover')],
      paid: { method: 'cash', amount: 10000 },
    }),
    invoice({
      number: '1047',
      date: '2025-03-18',
      customerId: '506',
      lines: [line('satinLips'), line('lipGloss', 2)],
      paid: { method: 'propay', amount: 'full' },
    }),
    invoice({ number: '1048', date: '2025-03-20', customerId: '507', lines: [line('lashLove')] }),
    invoice({
      number: '1049',
      date: '2025-03-22',
      customerId: '502',
      kind: 'ReturnExchange',
      lines: [line('satinHands')],
    }),
    invoice({
      number: '1050',
      date: '2025-03-25',
      customerId: '503',
      lines: [line('miracleSet'), line('ccCream')],
      paid: { method: 'check', amount: 'full', checkNumber: '1187' },
    }),
    invoice({
      number: '1051',
      date: '2025-03-28',
      customerId: '504',
      lines: [line('eyeRemover'), line('charcoalMask'), line('lipGloss')],
    }),
    invoice({
      number: '1052',
      date: '2025-04-01',
      customerId: '505',
      lines: [line('satinHands', 2)],
      paid: { method: 'cash', amount: 'full' },
    }),
    invoice({ number: '1053', date: '2025-04-03', customerId: '506', lines: [line('clearProof')] }),
    invoice({ number: '1054', date: '2025-04-06', customerId: '501', lines: [line('miracleSet')] }),
  ];
  return {
    version: 1,
    consultant: {
      name: 'Mary Alvarez',
      consultantId: 'B7K412',
      email: 'mary.alvarez@marykay.example',
      phone: '(214) 555-0148',
      address: '1420 Magnolia Ave, Dallas, TX 75201',
      unit: 'Unit 3309 — Director: Jo Whitfield',
    },
    gateways: [{ name: 'ProPay', connected: true, accountNumber: '32874419', isDefault: true }],
    customers: [
      {
        id: '501',
        firstName: 'Jane',
        lastName: 'Cooper',
        email: 'jane.cooper@example.com',
        phone: '(214) 555-0101',
        city: 'Dallas',
      },
      {
        id: '502',
        firstName: 'Priya',
        lastName: 'Natarajan',
        email: 'priya.n@example.net',
        phone: '(972) 555-0177',
        city: 'Plano',
      },
      {
        id: '503',
        firstName: 'Linda',
        lastName: 'Okafor',
        email: 'lokafor@example.org',
        phone: '(469) 555-0133',
        city: 'Irving',
      },
      { id: '504', firstName: 'Rosa', lastName: 'Delgado', email: null, phone: '(214) 555-0190', city: 'Garland' },
      {
        id: '505',
        firstName: 'Beth',
        lastName: "O'Neil",
        email: 'beth.oneil@example.com',
        phone: '(817) 555-0122',
        city: 'Arlington',
      },
      {
        id: '506',
        firstName: 'Kim',
        lastName: 'Tran',
        email: 'kim.tran@example.com',
        phone: '(972) 555-0164',
        city: 'Richardson',
      },
      { id: '507', firstName: 'Dorothy', lastName: 'Hughes', email: null, phone: '(214) 555-0111', city: 'Mesquite' },
    ],
    invoices,
    nextInvoiceNumber: 1055,
    nextPaymentId: paymentSeq + 1,
    taxRateBp: TAX_BP,
    emailTemplate: {
      subject: 'Your Mary Kay invoice #[InvoiceNumber]',
      body: [
        'Hi [CustomerFirstName],',
        '',
        'Thank you for your order! Your invoice #[InvoiceNumber] comes to [InvoiceTotal], with [BalanceDue] still due.',
        'You can pay securely online here: [PaymentLink]',
        '',
        'Love,',
        '[ConsultantName]',
        'Independent Beauty Consultant',
      ].join('\n'),
    },
  };
}
