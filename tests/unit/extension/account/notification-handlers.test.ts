import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { SIGNED_OUT_NOTICE } from '../../../../extension/entrypoints/background/account';
import { notificationHandlers } from '../../../../extension/entrypoints/background/notifications';
import { storageAccountStore } from '../../../../extension/lib/account/store';
import { dispatch } from '../../../../extension/lib/messages';
import { createHandlers } from '../../../../extension/entrypoints/background/handlers';
import { DEFAULT_PREFS, type PrefsView } from '../../../../shared/api/prefs';
import { makeCtx, type TestCtx } from '../support/ctx';
import { fakeServer, json } from './support/fake-server';

const S = 'http://127.0.0.1:8787';
const VIEW: PrefsView = { ...DEFAULT_PREFS, phone: { number: null, pending: null }, available: { email: true, sms: true, call: true, browser: true } };
const sender = {};

let ctx: TestCtx;
let server: ReturnType<typeof fakeServer>;
let handlers: ReturnType<typeof notificationHandlers>;
const store = () => storageAccountStore();

beforeEach(async () => {
  fakeBrowser.reset();
  ctx = makeCtx();
  server = fakeServer({ 'GET /api/v1/prefs': () => json(200, VIEW) });
  handlers = notificationHandlers(ctx, { fetch: server.fetch, store: store() });
  await store().saveSession({ server: S, token: 'tok-1', email: 'ann@example.com' });
});

describe('notification handlers', () => {
  it('reads and replaces the settings with the bearer token', async () => {
    expect(await handlers.getPrefs({}, sender)).toEqual(VIEW);
    expect(server.received.at(-1)?.headers.authorization).toBe('Bearer tok-1');
    const prefs = { ...DEFAULT_PREFS, digestHour: 18 };
    server.routes['PUT /api/v1/prefs'] = (req) => json(200, { ...VIEW, ...(req.body as object) });
    expect((await handlers.savePrefs(prefs, sender)).digestHour).toBe(18);
    expect(server.received.at(-1)).toMatchObject({ method: 'PUT', path: '/api/v1/prefs', body: prefs });
  });

  it('passes a refusal on as the server words it', async () => {
    server.routes['PUT /api/v1/prefs'] = () => json(409, { code: 'CHANNEL_UNAVAILABLE', message: 'channels.sms: SMS and calls are not available on this server; turn sms off.' });
    await expect(handlers.savePrefs(DEFAULT_PREFS, sender)).rejects.toThrow('channels.sms: SMS and calls are not available on this server; turn sms off.');
  });

  it('starts, confirms and removes the phone number', async () => {
    server.routes['POST /api/v1/prefs/phone'] = () => json(202, { pending: '+13145550123', expiresAt: '2026-11-25T15:00:00.000Z' });
    server.routes['POST /api/v1/prefs/phone/confirm'] = () => json(200, { ...VIEW, phone: { number: '+13145550123', pending: null } });
    server.routes['DELETE /api/v1/prefs/phone'] = () => json(200, VIEW);
    expect(await handlers.startPhoneVerification({ phone: '+13145550123' }, sender)).toEqual({ pending: '+13145550123', expiresAt: '2026-11-25T15:00:00.000Z' });
    expect(server.received.at(-1)?.body).toEqual({ phone: '+13145550123' });
    expect((await handlers.confirmPhone({ code: '123456' }, sender)).phone.number).toBe('+13145550123');
    expect(server.received.at(-1)?.body).toEqual({ code: '123456' });
    expect((await handlers.removePhone({}, sender)).phone.number).toBeNull();
    expect(server.received.at(-1)?.method).toBe('DELETE');
  });

  it('pages the history with the cursor', async () => {
    server.routes['GET /api/v1/notifications'] = () => json(200, { notifications: [], nextBefore: null });
    expect(await handlers.getNotifications({}, sender)).toEqual({ notifications: [], nextBefore: null });
    await handlers.getNotifications({ before: 'alert-1|x' }, sender);
    expect(new URL(server.received.at(-1)!.url).searchParams.get('before')).toBe('alert-1|x');
  });

  it('forgets a revoked token and says so', async () => {
    server.routes['GET /api/v1/prefs'] = () => json(401, { code: 'UNAUTHORIZED', message: 'Sign in again.' });
    await expect(handlers.getPrefs({}, sender)).rejects.toThrow(SIGNED_OUT_NOTICE);
    expect(await store().session()).toBeNull();
    await expect(handlers.getPrefs({}, sender)).rejects.toThrow('Not signed in on this browser.');
  });

  it('are accepted only from our own pages, validated with the shared schema', async () => {
    const all = createHandlers(ctx, { notifications: handlers });
    const own = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
    const page = { id: 'ext', url: 'https://www.courts.mo.gov/casenet/cases/searchDockets.do', tab: { id: 1 } as never };
    expect(await dispatch(all, { type: 'getPrefs', data: {} }, own, 'ext')).toEqual({ ok: true, data: VIEW });
    expect(await dispatch(all, { type: 'getPrefs', data: {} }, page, 'ext')).toMatchObject({ ok: false });
    const bad = await dispatch(all, { type: 'savePrefs', data: { ...DEFAULT_PREFS, digestHour: 24 } }, own, 'ext');
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid savePrefs request: digestHour/) });
    expect(await dispatch(all, { type: 'confirmPhone', data: { code: '12' } }, own, 'ext')).toMatchObject({ ok: false, error: expect.stringContaining('the code is 6 digits') });
  });
});
