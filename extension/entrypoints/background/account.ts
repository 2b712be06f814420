import { ErrorCodes } from '../../../shared/api/errors';
import { accountClient, type AccountClient, type SignedIn } from '../../lib/account/client';
import { AccountError } from '../../lib/account/http';
import { storageAccountStore, type AccountStore, type StoredSession } from '../../lib/account/store';
import type { Handlers } from '../../lib/messages';
import type { AccountRequestName, AccountState, SessionView } from '../../lib/protocol';
import { plural } from '../../lib/ui/format';
import type { Ctx } from './context';
import { readSettings } from './settings';
import { enableSync, signedOutReason, signOutLocally } from './sync/lifecycle';

export type AccountDeps = { fetch: typeof fetch; store: AccountStore };

export const SIGNED_OUT_NOTICE = 'Signed out on this browser; sign in again.';

export const defaultAccountDeps = (): AccountDeps => ({ fetch: (input, init) => fetch(input, init), store: storageAccountStore() });

/** The configured sync server and the session stored for it (null when signed out there). */
export async function currentSession(ctx: Pick<Ctx, 'db'>, store: AccountStore): Promise<{ server: string; session: StoredSession | null }> {
  const server = (await readSettings(ctx)).serverUrl;
  const stored = await store.session();
  return { server, session: stored?.server === server ? stored : null };
}

/**
 * Calls to the sync server as this browser: `connect` gives the configured server, a client for it
 * and the stored session; `withSession` runs a call that needs the session and forgets a token the
 * server no longer knows (the user reads SIGNED_OUT_NOTICE).
 */
export function accountSession(ctx: Ctx, deps: AccountDeps) {
  const { store } = deps;

  /** The configured server, a client for it, and the session stored for it (if any). */
  const connect = async () => {
    const { server, session } = await currentSession(ctx, store);
    return { server, session, client: accountClient({ baseUrl: server, deviceId: await store.deviceId(), fetch: deps.fetch }) };
  };

  /** Run a call that needs the session; a token the server no longer knows is forgotten. */
  const withSession = async <T>(fn: (client: AccountClient, session: StoredSession) => Promise<T>): Promise<T> => {
    const { client, session } = await connect();
    if (!session) throw new Error('Not signed in on this browser.');
    try {
      return await fn(client, session);
    } catch (err) {
      if (!isRevoked(err)) throw err;
      await signOutLocally(ctx.db, store, SIGNED_OUT_NOTICE);
      throw new Error(SIGNED_OUT_NOTICE, { cause: err });
    }
  };

  return { connect, withSession };
}

/**
 * The account requests: the background is this browser's one client of the sync server. The token
 * lives in the store and is sent only to the server it came from; a revoked token is forgotten.
 * Signing in turns sync on (merging this browser's folder into the account); signing out stops it.
 */
export function accountHandlers(ctx: Ctx, deps: AccountDeps = defaultAccountDeps()): Pick<Handlers, AccountRequestName> {
  const { store } = deps;
  const { connect, withSession } = accountSession(ctx, deps);

  const remember = async (server: string, signed: SignedIn): Promise<AccountState> => {
    await store.saveSession({ server, token: signed.token, email: signed.email });
    const merged = await enableSync(ctx);
    return { signedIn: true, server, email: signed.email, notice: merged > 0 ? mergedNotice(merged) : null };
  };

  /** Signed out here; `revoked`: by the server, which the user is told until signing in again. */
  const signedOut = async (server: string, notice: string | null, revoked = false): Promise<AccountState> => {
    await signOutLocally(ctx.db, store, revoked ? notice : null);
    return { signedIn: false, server, notice };
  };

  return {
    getAccount: async () => {
      const { server, client, session } = await connect();
      if (!session) return { signedIn: false, server, notice: await signedOutReason(ctx.db) };
      try {
        const me = await client.me(session.token);
        return { signedIn: true, server, email: me.email, notice: null };
      } catch (err) {
        if (isRevoked(err)) return signedOut(server, SIGNED_OUT_NOTICE, true);
        // Server down or odd: still signed in here, say why it could not be checked.
        if (err instanceof AccountError) return { signedIn: true, server, email: session.email, notice: err.message };
        throw err;
      }
    },

    signUp: async ({ email, password }) => {
      const { client } = await connect();
      // The server wants a display name; the dashboard does not ask for one.
      await client.signUp({ email, password, name: email.slice(0, email.indexOf('@')) });
      return { email };
    },

    resendVerification: async ({ email }) => {
      await (await connect()).client.sendVerificationEmail(email);
      return { email };
    },

    signIn: async ({ email, password }) => {
      const { server, client } = await connect();
      try {
        return { status: 'signedIn', account: await remember(server, await client.signIn(email, password)) };
      } catch (err) {
        if (!(err instanceof AccountError)) throw err;
        const { code, challengeId } = err.body;
        if (code === ErrorCodes.deviceCodeRequired && challengeId) return { status: 'deviceCode', email, challengeId, message: err.message };
        if (code === ErrorCodes.emailNotVerified) return { status: 'verifyEmail', email, message: err.message };
        throw err;
      }
    },

    verifyDevice: async ({ challengeId, code }) => {
      const { server, client } = await connect();
      return remember(server, await client.verifyDevice(challengeId, code));
    },

    forgotPassword: async ({ email }) => {
      await (await connect()).client.requestPasswordReset(email);
      return { email };
    },

    changePassword: ({ currentPassword, newPassword }) =>
      withSession(async (client, session) => {
        const token = await client.changePassword(session.token, currentPassword, newPassword);
        if (token) await store.saveSession({ ...session, token });
        return { changed: true };
      }),

    signOut: async () => {
      const { server, client, session } = await connect();
      let notice: string | null = null;
      if (session) {
        try {
          await client.signOut(session.token);
        } catch (err) {
          if (!isRevoked(err)) notice = `Signed out on this browser, but the sync server could not be told: ${err instanceof Error ? err.message : String(err)}`;
        }
      }
      return signedOut(server, notice);
    },

    listSessions: () =>
      withSession(async (client, session) => {
        const sessions = await client.sessions(session.token);
        return sessions.map(toSessionView).sort((a, b) => Number(b.current) - Number(a.current) || (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0));
      }),

    revokeSession: ({ id }) =>
      withSession(async (client, session) => {
        await client.revokeSession(session.token, id);
        return { revoked: true };
      }),

    exportAccount: () =>
      withSession(async (client, session) => {
        const data = await client.exportData(session.token);
        return { json: JSON.stringify(data, null, 1), filename: `docket-watch-account-${new Date(ctx.now()).toISOString().slice(0, 10)}.json` };
      }),

    deleteAccount: ({ password }) =>
      withSession(async (client, session) => {
        await client.deleteAccount(session.token, password);
        return signedOut(session.server, 'Your account was deleted. The case folder in this browser stays.');
      }),
  };
}

/** "3 cases from this browser were added to your account." */
const mergedNotice = (n: number): string => `${plural(n, 'case')} from this browser ${n === 1 ? 'was' : 'were'} added to your account.`;

/** The server no longer accepts the token (revoked, expired, or the account is gone). */
export function isRevoked(err: unknown): boolean {
  return err instanceof AccountError && err.status === 401 && (err.body.code === undefined || err.body.code === ErrorCodes.unauthorized);
}

function toSessionView(s: Awaited<ReturnType<AccountClient['sessions']>>[number]): SessionView {
  return {
    id: s.id,
    createdAt: s.createdAt ?? null,
    lastSeenAt: s.lastSeenAt ?? null,
    expiresAt: s.expiresAt ?? null,
    ipAddress: s.ipAddress ?? null,
    userAgent: s.userAgent ?? null,
    current: s.current,
  };
}
