import { html, page } from './html';

/** Shown when the callback cannot be trusted (forged, expired or replayed state): nothing was exchanged. */
export function connectRejectedPage(reason: string): string {
  return page(
    'Stripe connection not completed',
    html`<h1 class="err">This connection link is not valid</h1>
<p data-testid="connect-result" data-result="rejected">${reason}</p>
<p class="muted">Open Stripe Settings in the extension and click <b>Connect Your Stripe Account</b> to start again.</p>`,
  );
}

/**
 * The landing page after Stripe. The one-time code travels in the fragment, which never reaches a
 * server log or a Referer; the extension picks it up from this page and redeems it with its verifier.
 */
export function connectDonePage(): string {
  return page(
    'Stripe connection',
    html`<h1 data-testid="connect-result">Finishing your Stripe connection…</h1>
<p class="muted">The extension completes the connection and this tab closes by itself. If it stays open, return to Stripe Settings in the extension.</p>`,
  );
}

/** The account was connected in the other mode (test vs live) than this deployment's secret key. */
export function connectModeMismatchPage(accountLive: boolean, platformLive: boolean): string {
  const mode = (live: boolean) => (live ? 'live' : 'test');
  return page(
    'Stripe connection refused',
    html`<h1 class="err">This Stripe connection was refused</h1>
<p data-testid="connect-result" data-result="mode-mismatch">Stripe connected the account in ${mode(accountLive)} mode, but this service runs in ${mode(platformLive)} mode, so it could never charge or refund with it. Nothing was saved.</p>
<p class="muted">Ask whoever runs this service to check its Stripe keys and Connect client id: they must all be ${mode(platformLive)}-mode ones. Then click <b>Connect Your Stripe Account</b> again.</p>`,
  );
}
