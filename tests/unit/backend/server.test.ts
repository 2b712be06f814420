import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../backend/src/app';
import { ConfigError, loadConfig } from '../../../backend/src/config';
import { openDatabase } from '../../../backend/src/db/connection';
import { MIGRATIONS } from '../../../backend/src/db/migrations';
import { createLogger } from '../../../backend/src/logger';
import { createServices } from '../../../backend/src/services';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dw-backend-'));
  dirs.push(d);
  return d;
};

describe('backend config', () => {
  it('uses the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', databaseUrl: 'file:./data/docketwatch.db', publicUrl: 'http://127.0.0.1:8787' });
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
  });
});

describe('backend app', () => {
  it('creates and migrates the embedded database on first start and answers /healthz', async () => {
    const file = join(tempDir(), 'nested', 'dw.db');
    const db = openDatabase(`file:${file}`);
    expect(existsSync(file)).toBe(true);
    const config = loadConfig({ DATABASE_URL: `file:${file}` });
    const app = buildApp(await createServices(config, db, createLogger('silent')));
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    const missing = await app.request('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    db.close();
    // Re-opening the same file does not re-run migrations.
    const again = openDatabase(`file:${file}`);
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toMatchObject({ n: MIGRATIONS.length });
    again.close();
  });

  it('never writes passwords, tokens or codes to the log', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger('info', sink);
    log.info({ password: 'Hunter2Secret', user: { token: 'tok-123', code: '493817' }, req: { headers: { authorization: 'Bearer abc' } } }, 'sign-in');
    const out = lines.join('');
    expect(out).toContain('sign-in');
    for (const secret of ['Hunter2Secret', 'tok-123', '493817', 'Bearer abc']) expect(out).not.toContain(secret);
  });
});
