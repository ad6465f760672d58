import { bearerKey } from './auth.ts';
import qs from 'qs';
import { createStandardAccount } from './accounts.ts';
import { redirect } from './html.ts';
import { randomToken } from './ids.ts';
import { chooseAccountPage, oauthErrorPage, refusedPage, signInPage, signUpPage } from './oauth-pages.ts';
import { SANDBOX_LOGIN } from './seed.ts';
import type { Sim } from './sim.ts';
import type { OAuthSession } from './state.ts';
import { emitEvent } from './webhooks.ts';

/** Authorization codes live this long (simulator seconds) and work once. */
const OAUTH_CODE_TTL_SECONDS = 300;
const PLATFORM_NAME = 'QT Stripe Bridge';

interface AuthorizeQuery {
  clientId: string;
  livemode: boolean;
  redirectUri: string;
  scope: string;
  state: string | null;
  /** `stripe_landing=login`: the sign-in form first; otherwise Stripe opens its sign-up form. */
  landing: 'login' | 'register';
  /** `always_prompt=true`: a signed-in user is asked again, never connected silently. */
  alwaysPrompt: boolean;
}

function oauthJson(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body, null, 2), { status, headers: { 'content-type': 'application/json' } });
}

/** Validates the authorize query against the platform's registered client; a string is the error Stripe shows. */
function parseAuthorize(sim: Sim, search: string): AuthorizeQuery | string {
  const params = new URLSearchParams(search);
  const clientId = params.get('client_id') ?? '';
  const client = sim.state.oauthClients.get(clientId);
  if (!client) return `No application matches the supplied client identifier: ${clientId || '(none)'}.`;
  if (params.get('response_type') !== 'code') return 'Invalid response_type: must be "code".';
  const given = params.get('redirect_uri');
  const redirectUri = given ?? client.redirectUris[0];
  if (!redirectUri) return 'This application has no redirect URI. Add one in the Connect settings of the Dashboard.';
  if (!client.redirectUris.includes(redirectUri)) {
    return `Invalid redirect_uri: ${redirectUri}. Ensure this uri exactly matches one of the uris specified in your application settings.`;
  }
  const scope = params.get('scope') ?? 'read_only';
  if (scope !== 'read_write' && scope !== 'read_only') return `Invalid scope: ${scope}`;
  return {
    clientId,
    livemode: client.livemode,
    redirectUri,
    scope,
    state: params.get('state'),
    landing: params.get('stripe_landing') === 'login' ? 'login' : 'register',
    alwaysPrompt: params.get('always_prompt') === 'true',
  };
}

const SESSION_COOKIE = 'sim_stripe_session';

function sessionOf(sim: Sim, request: Request): OAuthSession | null {
  const cookie = request.headers.get('cookie') ?? '';
  const id = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  return id ? (sim.state.oauthSessions.get(id) ?? null) : null;
}

function withSessionCookie(response: Response, session: OAuthSession): Response {
  const headers = new Headers(response.headers);
  headers.append('set-cookie', `${SESSION_COOKIE}=${session.id}; Path=/oauth; HttpOnly; SameSite=Lax`);
  return new Response(response.body, { status: response.status, headers });
}

/** Connects `record` and sends the user back to the platform with a one-time code. */
function approve(sim: Sim, parsed: AuthorizeQuery, accountId: string): Response {
  const code = `ac_${randomToken(32)}`;
  sim.state.oauthCodes.set(code, {
    code,
    accountId,
    scope: parsed.scope,
    livemode: parsed.livemode,
    expiresAt: sim.now() + OAUTH_CODE_TTL_SECONDS,
    used: false,
  });
  return redirect(withParams(parsed.redirectUri, { code, scope: parsed.scope, state: parsed.state }));
}

function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url.toString();
}

async function formOf(request: Request): Promise<Record<string, string>> {
  const parsed = qs.parse(await request.text());
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  return out;
}

function ownedAccounts(sim: Sim, email: string) {
  return [...sim.state.accounts.values()].filter((r) => r.ownerEmail === email);
}

function secretKeyOf(sim: Sim, request: Request, form: Record<string, string>): string | null {
  // Stripe takes the secret key as Bearer or Basic auth, or as client_secret in the form.
  const key = bearerKey(request.headers.get('authorization')) ?? form.client_secret;
  return key && (key.startsWith('sk_test_') || (sim.state.liveKey !== null && key === sim.state.liveKey)) ? key : null;
}

async function decide(sim: Sim, request: Request): Promise<Response> {
  const form = await formOf(request);
  const query = form.q ?? '';
  const parsed = parseAuthorize(sim, query);
  if (typeof parsed === 'string') return oauthErrorPage(parsed);
  const session = sim.state.oauthSessions.get(form.session ?? '');
  if (!session) return signInPage(query, 'Your session expired. Sign in again.');
  const accounts = ownedAccounts(sim, session.email);
  const back = (error?: string): Response =>
    chooseAccountPage(query, session.id, PLATFORM_NAME, ownedAccounts(sim, session.email), error);
  if (request.url.endsWith('/back')) return back();
  if (form.decision === 'deny') {
    return redirect(
      withParams(parsed.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied your request',
        state: parsed.state,
      }),
    );
  }
  let record = accounts.find((r) => r.account.id === form.account);
  if (form.account === 'new') {
    const name = (form.new_business_name ?? '').trim() || 'New business';
    const account = createStandardAccount(sim, name, session.email, session.email);
    record = sim.state.accounts.get(account.id);
  }
  if (!record) return back('Choose an account to connect, or create a new one.');
  if (record.controlledElsewhere)
    return refusedPage(record.account.business_profile?.name ?? record.account.id, query, session.id);
  record.connected = true;
  return approve(sim, parsed, record.account.id);
}

async function token(sim: Sim, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!secretKeyOf(sim, request, form)) {
    return oauthJson(401, {
      error: 'invalid_request',
      error_description:
        'No authentication was provided. Send your secret API key using the Authorization header, or as a client_secret POST parameter.',
    });
  }
  if (form.grant_type === 'refresh_token') {
    const account = sim.state.refreshTokens.get(form.refresh_token ?? '');
    if (!account || !sim.state.accounts.get(account)?.connected)
      return oauthJson(400, {
        error: 'invalid_grant',
        error_description: `Invalid refresh token: ${form.refresh_token ?? ''}`,
      });
    return oauthJson(200, grant(sim, account, 'read_write', form.refresh_token ?? ''));
  }
  if (form.grant_type !== 'authorization_code')
    return oauthJson(400, {
      error: 'unsupported_grant_type',
      error_description: `Unsupported grant type: ${form.grant_type ?? ''}`,
    });
  const code = form.code ?? '';
  if (!code) return oauthJson(400, { error: 'invalid_request', error_description: 'No code provided' });
  const entry = sim.state.oauthCodes.get(code);
  if (!entry)
    return oauthJson(400, { error: 'invalid_grant', error_description: `Authorization code does not exist: ${code}` });
  if (entry.used)
    return oauthJson(400, { error: 'invalid_grant', error_description: `Authorization code already used: ${code}` });
  if (sim.now() > entry.expiresAt)
    return oauthJson(400, { error: 'invalid_grant', error_description: `Authorization code expired: ${code}` });
  entry.used = true;
  return oauthJson(200, grant(sim, entry.accountId, entry.scope, `rt_${randomToken(32)}`, entry.livemode));
}

function grant(
  sim: Sim,
  accountId: string,
  scope: string,
  refreshToken: string,
  livemode = false,
): Record<string, unknown> {
  const record = sim.state.accounts.get(accountId);
  if (!record) throw new Error(`no account ${accountId}`);
  const accessToken = `${livemode ? 'sk_live_' : 'sk_test_'}${randomToken(32)}`;
  sim.state.accessTokens.set(accessToken, accountId);
  sim.state.refreshTokens.set(refreshToken, accountId);
  return {
    access_token: accessToken,
    livemode,
    refresh_token: refreshToken,
    token_type: 'bearer',
    stripe_publishable_key: record.publishableKey,
    stripe_user_id: accountId,
    scope,
  };
}

async function deauthorize(sim: Sim, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!secretKeyOf(sim, request, form))
    return oauthJson(401, { error: 'invalid_request', error_description: 'No authentication was provided.' });
  const clientId = form.client_id ?? '';
  if (!sim.state.oauthClients.has(clientId))
    return oauthJson(401, { error: 'invalid_client', error_description: `No such application: '${clientId}'` });
  const accountId = form.stripe_user_id ?? '';
  const record = sim.state.accounts.get(accountId);
  if (!record || !record.connected || record.isPlatform) {
    return oauthJson(401, {
      error: 'invalid_client',
      error_description: `This application is not connected to stripe account ${accountId}, or that account does not exist.`,
    });
  }
  record.connected = false;
  for (const [key, account] of sim.state.accessTokens) if (account === accountId) sim.state.accessTokens.delete(key);
  for (const [key, account] of sim.state.refreshTokens) if (account === accountId) sim.state.refreshTokens.delete(key);
  emitEvent(
    sim,
    accountId,
    'account.application.deauthorized',
    { id: clientId, object: 'application', name: PLATFORM_NAME },
    { requestId: null, idempotencyKey: null },
  );
  return oauthJson(200, { stripe_user_id: accountId });
}

/** Connect OAuth (on the Connect origin, and on the API's origin as before): authorize pages, /oauth/token, /oauth/deauthorize. */
export async function handleOAuth(sim: Sim, request: Request, url: URL): Promise<Response> {
  const path = url.pathname.replace(/\/+$/, '');
  if (request.method === 'GET' && path === '/oauth/authorize') {
    const parsed = parseAuthorize(sim, url.search);
    if (typeof parsed === 'string') return oauthErrorPage(parsed);
    const query = url.search.slice(1);
    const session = sessionOf(sim, request);
    if (session) {
      const owned = ownedAccounts(sim, session.email);
      // Without always_prompt Stripe sends a signed-in user who already connected straight back.
      const connected = owned.find((r) => r.connected && !r.controlledElsewhere);
      if (connected && !parsed.alwaysPrompt) return approve(sim, parsed, connected.account.id);
      return chooseAccountPage(query, session.id, PLATFORM_NAME, owned);
    }
    return parsed.landing === 'login' ? signInPage(query) : signUpPage(query);
  }
  if (request.method === 'POST' && path === '/oauth/authorize/signin') {
    const form = await formOf(request);
    const query = form.q ?? '';
    const parsed = parseAuthorize(sim, query);
    if (typeof parsed === 'string') return oauthErrorPage(parsed);
    const known = form.email?.toLowerCase() === SANDBOX_LOGIN.email && form.password === SANDBOX_LOGIN.password;
    const created = [...sim.state.accounts.values()].some((r) => r.ownerEmail === form.email?.toLowerCase());
    if (!known || !created) return signInPage(query, 'Invalid email or password.');
    const session = { id: randomToken(24), email: SANDBOX_LOGIN.email };
    sim.state.oauthSessions.set(session.id, session);
    return withSessionCookie(
      chooseAccountPage(query, session.id, PLATFORM_NAME, ownedAccounts(sim, session.email)),
      session,
    );
  }
  if (request.method === 'POST' && (path === '/oauth/authorize/decide' || path === '/oauth/authorize/back'))
    return decide(sim, request);
  if (request.method === 'POST' && path === '/oauth/token') return token(sim, request);
  if (request.method === 'POST' && path === '/oauth/deauthorize') return deauthorize(sim, request);
  return new Response('Not found', { status: 404 });
}
