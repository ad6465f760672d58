import qs from 'qs';
import { createStandardAccount } from './accounts.ts';
import { redirect } from './html.ts';
import { randomToken } from './ids.ts';
import { chooseAccountPage, oauthErrorPage, refusedPage, signInPage } from './oauth-pages.ts';
import { SANDBOX_LOGIN } from './seed.ts';
import type { Sim } from './sim.ts';
import { emitEvent } from './webhooks.ts';

/** Authorization codes live this long (simulator seconds) and work once. */
export const OAUTH_CODE_TTL_SECONDS = 300;
export const PLATFORM_NAME = 'QT Stripe Bridge';

interface AuthorizeQuery {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | null;
}

function oauthJson(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body, null, 2), { status, headers: { 'content-type': 'application/json' } });
}

/** Validates the authorize query; a string is the error to show on Stripe's error page. */
function parseAuthorize(search: string): AuthorizeQuery | string {
  const params = new URLSearchParams(search);
  const clientId = params.get('client_id');
  if (!clientId || !/^ca_[A-Za-z0-9]+$/.test(clientId)) return `Invalid client_id: ${clientId ?? '(none)'}. A Connect client ID starts with ca_.`;
  if (params.get('response_type') !== 'code') return 'Invalid response_type: must be "code".';
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri || !/^https?:\/\/[^/]+/.test(redirectUri)) return 'Invalid redirect_uri: provide an absolute http(s) URL.';
  const scope = params.get('scope') ?? 'read_only';
  if (scope !== 'read_write' && scope !== 'read_only') return `Invalid scope: ${scope}`;
  return { clientId, redirectUri, scope, state: params.get('state') };
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

function secretKeyOf(request: Request, form: Record<string, string>): string | null {
  const header = request.headers.get('authorization');
  const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : form.client_secret;
  return key && key.startsWith('sk_test_') ? key : null;
}

async function decide(sim: Sim, request: Request): Promise<Response> {
  const form = await formOf(request);
  const query = form.q ?? '';
  const parsed = parseAuthorize(query);
  if (typeof parsed === 'string') return oauthErrorPage(parsed);
  const session = sim.state.oauthSessions.get(form.session ?? '');
  if (!session) return signInPage(query, 'Your session expired. Sign in again.');
  const accounts = ownedAccounts(sim, session.email);
  const back = (error?: string): Response => chooseAccountPage(query, session.id, PLATFORM_NAME, ownedAccounts(sim, session.email), error);
  if (request.url.endsWith('/back')) return back();
  if (form.decision === 'deny') {
    return redirect(withParams(parsed.redirectUri, { error: 'access_denied', error_description: 'The user denied your request', state: parsed.state }));
  }
  let record = accounts.find((r) => r.account.id === form.account);
  if (form.account === 'new') {
    const name = (form.new_business_name ?? '').trim() || 'New business';
    const account = createStandardAccount(sim, name, session.email, session.email);
    record = sim.state.accounts.get(account.id);
  }
  if (!record) return back('Choose an account to connect, or create a new one.');
  if (record.controlledElsewhere) return refusedPage(record.account.business_profile?.name ?? record.account.id, query, session.id);
  record.connected = true;
  const code = `ac_${randomToken(32)}`;
  sim.state.oauthCodes.set(code, { code, accountId: record.account.id, scope: parsed.scope, expiresAt: sim.now() + OAUTH_CODE_TTL_SECONDS, used: false });
  return redirect(withParams(parsed.redirectUri, { code, scope: parsed.scope, state: parsed.state }));
}

async function token(sim: Sim, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!secretKeyOf(request, form)) {
    return oauthJson(401, { error: 'invalid_request', error_description: 'No authentication was provided. Send your secret API key using the Authorization header, or as a client_secret POST parameter.' });
  }
  if (form.grant_type === 'refresh_token') {
    const account = sim.state.refreshTokens.get(form.refresh_token ?? '');
    if (!account || !sim.state.accounts.get(account)?.connected) return oauthJson(400, { error: 'invalid_grant', error_description: `Invalid refresh token: ${form.refresh_token ?? ''}` });
    return oauthJson(200, grant(sim, account, 'read_write', form.refresh_token ?? ''));
  }
  if (form.grant_type !== 'authorization_code') return oauthJson(400, { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${form.grant_type ?? ''}` });
  const code = form.code ?? '';
  if (!code) return oauthJson(400, { error: 'invalid_request', error_description: 'No code provided' });
  const entry = sim.state.oauthCodes.get(code);
  if (!entry) return oauthJson(400, { error: 'invalid_grant', error_description: `Authorization code does not exist: ${code}` });
  if (entry.used) return oauthJson(400, { error: 'invalid_grant', error_description: `Authorization code already used: ${code}` });
  if (sim.now() > entry.expiresAt) return oauthJson(400, { error: 'invalid_grant', error_description: `Authorization code expired: ${code}` });
  entry.used = true;
  return oauthJson(200, grant(sim, entry.accountId, entry.scope, `rt_${randomToken(32)}`));
}

function grant(sim: Sim, accountId: string, scope: string, refreshToken: string): Record<string, unknown> {
  const record = sim.state.accounts.get(accountId);
  if (!record) throw new Error(`no account ${accountId}`);
  const accessToken = `sk_test_${randomToken(32)}`;
  sim.state.accessTokens.set(accessToken, accountId);
  sim.state.refreshTokens.set(refreshToken, accountId);
  return {
    access_token: accessToken, livemode: false, refresh_token: refreshToken, token_type: 'bearer',
    stripe_publishable_key: record.publishableKey, stripe_user_id: accountId, scope,
  };
}

async function deauthorize(sim: Sim, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!secretKeyOf(request, form)) return oauthJson(401, { error: 'invalid_request', error_description: 'No authentication was provided.' });
  const clientId = form.client_id ?? '';
  if (!/^ca_[A-Za-z0-9]+$/.test(clientId)) return oauthJson(400, { error: 'invalid_client', error_description: `No such application: '${clientId}'` });
  const accountId = form.stripe_user_id ?? '';
  const record = sim.state.accounts.get(accountId);
  if (!record || !record.connected || record.isPlatform) {
    return oauthJson(401, { error: 'invalid_client', error_description: `This application is not connected to stripe account ${accountId}, or that account does not exist.` });
  }
  record.connected = false;
  for (const [key, account] of sim.state.accessTokens) if (account === accountId) sim.state.accessTokens.delete(key);
  for (const [key, account] of sim.state.refreshTokens) if (account === accountId) sim.state.refreshTokens.delete(key);
  emitEvent(sim, accountId, 'account.application.deauthorized', { id: clientId, object: 'application', name: PLATFORM_NAME }, { requestId: null, idempotencyKey: null });
  return oauthJson(200, { stripe_user_id: accountId });
}

/** Connect OAuth on the API's origin: the authorize pages, /oauth/token and /oauth/deauthorize. */
export async function handleOAuth(sim: Sim, request: Request, url: URL): Promise<Response> {
  const path = url.pathname.replace(/\/+$/, '');
  if (request.method === 'GET' && path === '/oauth/authorize') {
    const parsed = parseAuthorize(url.search);
    return typeof parsed === 'string' ? oauthErrorPage(parsed) : signInPage(url.search.slice(1));
  }
  if (request.method === 'POST' && path === '/oauth/authorize/signin') {
    const form = await formOf(request);
    const query = form.q ?? '';
    if (typeof parseAuthorize(query) === 'string') return oauthErrorPage(String(parseAuthorize(query)));
    const known = form.email?.toLowerCase() === SANDBOX_LOGIN.email && form.password === SANDBOX_LOGIN.password;
    const created = [...sim.state.accounts.values()].some((r) => r.ownerEmail === form.email?.toLowerCase());
    if (!known || !created) return signInPage(query, 'Invalid email or password.');
    const session = { id: randomToken(24), email: SANDBOX_LOGIN.email };
    sim.state.oauthSessions.set(session.id, session);
    return chooseAccountPage(query, session.id, PLATFORM_NAME, ownedAccounts(sim, session.email));
  }
  if (request.method === 'POST' && (path === '/oauth/authorize/decide' || path === '/oauth/authorize/back')) return decide(sim, request);
  if (request.method === 'POST' && path === '/oauth/token') return token(sim, request);
  if (request.method === 'POST' && path === '/oauth/deauthorize') return deauthorize(sim, request);
  return new Response('Not found', { status: 404 });
}
