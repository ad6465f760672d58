import { escapeHtml, page } from './html.ts';
import type { AccountRecord } from './state.ts';

export function signInPage(query: string, error?: string): Response {
  return page(
    'Sign in to Stripe',
    `<h1>Sign in to your account</h1>
${error ? `<p class="error" role="alert" data-testid="oauth-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize/signin">
<input type="hidden" name="q" value="${escapeHtml(query)}">
<label for="email">Email</label><input id="email" type="email" name="email" autocomplete="username" data-testid="oauth-email" required>
<label for="password">Password</label><input id="password" type="password" name="password" autocomplete="current-password" data-testid="oauth-password" required>
<button type="submit" data-testid="oauth-signin">Sign in</button>
</form>`,
    error ? 401 : 200,
  );
}

/** Stripe's default landing (no `stripe_landing=login`): a sign-up form; signing in is a link away. */
export function signUpPage(query: string): Response {
  const login = new URLSearchParams(query);
  login.set('stripe_landing', 'login');
  return page(
    'Create your Stripe account',
    `<h1 data-testid="oauth-signup">Create your Stripe account</h1>
<form method="post" action="/oauth/authorize/signup" onsubmit="return false">
<label for="su-email">Email</label><input id="su-email" type="email" name="email" autocomplete="email">
<label for="su-name">Full name</label><input id="su-name" type="text" name="name" autocomplete="name">
<label for="su-password">Password</label><input id="su-password" type="password" name="password" autocomplete="new-password">
<button type="submit" disabled>Create account</button>
</form>
<p class="note">Already have an account? <a href="/oauth/authorize?${escapeHtml(login.toString())}" data-testid="oauth-signin-link">Sign in</a></p>`,
  );
}

export function chooseAccountPage(
  query: string,
  session: string,
  platformName: string,
  accounts: AccountRecord[],
  error?: string,
): Response {
  const rows = accounts
    .map((r) => {
      const id = r.account.id;
      const name = r.account.business_profile?.name ?? id;
      return `<label class="account"><input type="radio" name="account" value="${escapeHtml(id)}" data-testid="oauth-account-${escapeHtml(id)}"> ${escapeHtml(name)} <span class="note">${escapeHtml(id)}</span></label>`;
    })
    .join('\n');
  return page(
    'Connect your Stripe account',
    `<h1>${escapeHtml(platformName)} would like to connect to your Stripe account</h1>
<p class="note">Choose the account ${escapeHtml(platformName)} may process payments and refunds for.</p>
${error ? `<p class="error" role="alert" data-testid="oauth-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize/decide">
<input type="hidden" name="q" value="${escapeHtml(query)}"><input type="hidden" name="session" value="${escapeHtml(session)}">
<fieldset><legend>Your accounts</legend>
${rows}
<label class="account"><input type="radio" name="account" value="new" data-testid="oauth-create-account"> Create a new account</label>
<label for="new-name">New account's business name</label><input id="new-name" type="text" name="new_business_name" data-testid="oauth-new-account-name" placeholder="My new business">
</fieldset>
<button type="submit" name="decision" value="connect" data-testid="oauth-connect">Connect</button>
<button type="submit" name="decision" value="deny" class="secondary" data-testid="oauth-deny" formnovalidate>Deny</button>
</form>`,
  );
}

export function refusedPage(accountName: string, query: string, session: string): Response {
  return page(
    'This account cannot be connected',
    `<h1 data-testid="oauth-refused">${escapeHtml(accountName)} can't be connected</h1>
<p>This account is managed by another platform. Accounts whose platform controls them can't be connected to another platform with Stripe Connect.</p>
<p>Choose a different account, or create a new one.</p>
<form method="post" action="/oauth/authorize/back"><input type="hidden" name="q" value="${escapeHtml(query)}"><input type="hidden" name="session" value="${escapeHtml(session)}">
<button type="submit" data-testid="oauth-back">Choose another account</button></form>`,
    403,
  );
}

export function oauthErrorPage(message: string): Response {
  return page(
    'Stripe Connect error',
    `<h1>Something's wrong with this link</h1><p class="error" data-testid="oauth-error">${escapeHtml(message)}</p>`,
    400,
  );
}
