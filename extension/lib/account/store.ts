import browser, { type Storage } from 'webextension-polyfill';
import { z } from 'zod';

/** Where this browser keeps its account session and device id (browser.storage.local; never the password). */
export type AccountStore = {
  /** This browser's device id, created on first use and kept. */
  deviceId(): Promise<string>;
  /** The stored session, or null when signed out. */
  session(): Promise<StoredSession | null>;
  saveSession(session: StoredSession): Promise<void>;
  forgetSession(): Promise<void>;
};

const StoredSession = z.object({
  /** The server the token belongs to: it is never sent to another. */
  server: z.string().min(1),
  token: z.string().min(1),
  email: z.string().min(1),
});
export type StoredSession = z.infer<typeof StoredSession>;

const DEVICE_KEY = 'account.deviceId';
const SESSION_KEY = 'account.session';
const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function storageAccountStore(area: Storage.StorageArea = browser.storage.local): AccountStore {
  let deviceId: Promise<string> | undefined;
  return {
    // Memoised so two first calls at once cannot create two ids; a failed read is retried next time.
    deviceId: () =>
      (deviceId ??= readOrCreateDeviceId(area).catch((err: unknown) => {
        deviceId = undefined;
        throw err;
      })),
    session: async () => {
      const parsed = StoredSession.safeParse((await area.get(SESSION_KEY))[SESSION_KEY]);
      return parsed.success ? parsed.data : null;
    },
    saveSession: (session) => area.set({ [SESSION_KEY]: StoredSession.parse(session) }),
    forgetSession: () => area.remove(SESSION_KEY),
  };
}

async function readOrCreateDeviceId(area: Storage.StorageArea): Promise<string> {
  const stored = DeviceId.safeParse((await area.get(DEVICE_KEY))[DEVICE_KEY]);
  if (stored.success) return stored.data;
  const id = newDeviceId();
  await area.set({ [DEVICE_KEY]: id });
  return id;
}

/** 32 random bytes, base64url without padding (43 characters). */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
