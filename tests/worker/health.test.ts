import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../shared/version';

describe('health and errors', () => {
  it('answers /health with ok and the version', async () => {
    const res = await SELF.fetch('http://worker.test/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: VERSION });
  });

  it('answers an unknown path with a 404 error body, not HTML', async () => {
    const res = await SELF.fetch('http://worker.test/no/such/page');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('has the schema applied to D1', async () => {
    const { env } = await import('cloudflare:test');
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all<{
      name: string;
    }>();
    expect(tables.results.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'consultant_tokens',
        'oauth_states',
        'customers',
        'invoices',
        'payments',
        'refunds',
        'links',
        'webhook_events',
        'audit_log',
      ]),
    );
  });
});
