import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { newDeviceId, storageAccountStore } from '../../../../extension/lib/account/store';

beforeEach(() => fakeBrowser.reset());

describe('account store (browser.storage.local)', () => {
  it('creates the device id once, keeps it, and makes a 32-byte base64url id', async () => {
    const store = storageAccountStore();
    const [a, b] = await Promise.all([store.deviceId(), store.deviceId()]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await storageAccountStore().deviceId()).toBe(a);
    expect(newDeviceId()).not.toBe(newDeviceId());
  });

  it('keeps the session (token, email, server) and forgets it; never a password', async () => {
    const store = storageAccountStore();
    expect(await store.session()).toBeNull();
    await store.saveSession({ server: 'http://127.0.0.1:8787', token: 'tok-1', email: 'ann@example.com' });
    expect(await store.session()).toEqual({ server: 'http://127.0.0.1:8787', token: 'tok-1', email: 'ann@example.com' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/password/i);
    await store.forgetSession();
    expect(await store.session()).toBeNull();
    expect(await store.deviceId()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads a damaged stored session as signed out', async () => {
    await fakeBrowser.storage.local.set({ 'account.session': { token: 42 } });
    expect(await storageAccountStore().session()).toBeNull();
  });
});
