import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/api';
import { api, fakeConnectedAccount, secondBrowser } from './factories';

const sessionsOf = async (auth: Record<string, string>) =>
  (await api<{ sessions: Session[] }>(auth, 'GET', '/sessions')).body.sessions;

describe("the consultant's signed-in browsers", () => {
  it('lists every browser signed in to the account, marking this one', async () => {
    const acct = await fakeConnectedAccount();
    const laptop = await secondBrowser(acct.id);
    const sessions = await sessionsOf(acct.auth);
    expect(sessions.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [acct.tokenId, true],
        [laptop.tokenId, false],
      ].sort(),
    );
  });

  it('signs another browser out: its token stops working at once', async () => {
    const acct = await fakeConnectedAccount();
    const lost = await secondBrowser(acct.id);
    expect((await api(acct.auth, 'DELETE', `/sessions/${lost.tokenId}`)).status).toBe(200);
    const after = await api(lost.auth, 'GET', '/account');
    expect(after.status).toBe(401);
    expect((await sessionsOf(acct.auth)).map((s) => s.id)).toEqual([acct.tokenId]);
  });

  it("cannot sign out another consultant's browser", async () => {
    const mine = await fakeConnectedAccount();
    const theirs = await fakeConnectedAccount();
    const res = await api(mine.auth, 'DELETE', `/sessions/${theirs.tokenId}`);
    expect(res.status).toBe(404);
    expect((await api(theirs.auth, 'GET', '/account')).status).toBe(200);
  });

  it('records when a browser was last used, without writing on every request', async () => {
    const acct = await fakeConnectedAccount();
    await api(acct.auth, 'GET', '/account');
    const first = await env.DB.prepare('SELECT last_used_at AS at FROM consultant_tokens WHERE id = ?')
      .bind(acct.tokenId)
      .first<{ at: number }>();
    expect(first?.at).toBeGreaterThan(Date.now() - 60_000);
    await api(acct.auth, 'GET', '/account');
    const second = await env.DB.prepare('SELECT last_used_at AS at FROM consultant_tokens WHERE id = ?')
      .bind(acct.tokenId)
      .first<{ at: number }>();
    expect(second?.at).toBe(first?.at);
  });

  it('stops a token unused for 180 days even before the schedule revokes it', async () => {
    const acct = await fakeConnectedAccount();
    const longAgo = Date.now() - 181 * 24 * 60 * 60_000;
    await env.DB.prepare('UPDATE consultant_tokens SET created_at = ?, last_used_at = ? WHERE id = ?')
      .bind(longAgo, longAgo, acct.tokenId)
      .run();
    const res = await api(acct.auth, 'GET', '/account');
    expect(res.status).toBe(401);
    expect(res.body.error?.message).toMatch(/180 days/);
  });
});
