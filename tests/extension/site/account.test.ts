import { describe, expect, it } from 'vitest';
import { findGatewaySettingsSlot, readGateways } from '../../../extension/src/site/account';
import { fixture } from './fixture';

describe('reading the Account tab', () => {
  it('reads ProPay as the connected default gateway with its account number', () => {
    expect(readGateways(fixture('account'))).toEqual([
      { name: 'ProPay', connected: true, accountNumber: '32874419', isDefault: true },
    ]);
  });

  it('reads a gateway that is not connected as such', () => {
    const doc = fixture('account');
    // A second card in the site's own markup, as the site shows a gateway it offers but is not set up.
    findGatewaySettingsSlot(doc)?.insertAdjacentHTML(
      'beforeend',
      '<div class="gateway"><h3>PayPal</h3><dl class="details"><dt>Status</dt><dd>Not Connected</dd><dt>Account Number</dt><dd>—</dd><dt>Default Gateway</dt><dd>No</dd></dl></div>',
    );
    expect(readGateways(doc)[1]).toEqual({ name: 'PayPal', connected: false, accountNumber: null, isDefault: false });
  });

  it('finds the place beside the gateway cards for Stripe Settings', () => {
    const slot = findGatewaySettingsSlot(fixture('account'));
    expect(slot?.textContent).toContain('ProPay');
    expect(slot?.closest('section')?.querySelector('h2')?.textContent).toBe('Payment Gateways');
  });

  it('finds nothing away from the Account tab', () => {
    expect(readGateways(fixture('invoice-unpaid'))).toEqual([]);
    expect(findGatewaySettingsSlot(fixture('invoice-unpaid'))).toBeNull();
  });
});
